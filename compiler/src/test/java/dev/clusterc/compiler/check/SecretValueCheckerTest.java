package dev.clusterc.compiler.check;

import static dev.clusterc.compiler.CheckFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretValueCheckerTest {
  private static final SecretValueChecker CHECKER = new SecretValueChecker();

  @Test
  void aSecretKeyWithALiteralValue() {
    assertEquals("""
        11:74: error[plaintext-secret]: `PAPERLESS_SECRET_KEY` of app paperless holds a secret in plain text
          hint: put it in a `secret` and use `secret-env NAME`""", CheckerHarness.detailed(CHECKER, BASE + """
            app paperless {
              image "ghcr.io/paperless-ngx/paperless-ngx:2.17.1"
              port  http 8000
              env   { PAPERLESS_TIME_ZONE: "Europe/Amsterdam", PAPERLESS_SECRET_KEY: "hunter2" }
            }
            """));
  }

  @Test
  void everySecretKeyIsReported() {
    assertEquals("""
        11:18: error[plaintext-secret]: `DB_PASSWORD` of app a holds a secret in plain text
        12:18: error[plaintext-secret]: `api-key` of app a holds a secret in plain text
        13:18: error[plaintext-secret]: `PIN_TOKEN` of app a holds a secret in plain text""", CheckerHarness.run(CHECKER, BASE + """
            app a {
              image "a/a:1"
              env {
                DB_PASSWORD: "s3cret"
                api-key:     "abc123"
                PIN_TOKEN:   1234
                TZ:          "Europe/Amsterdam"
              }
            }
            """));
  }

  @Test
  void valuesThatAreNotSecretsAreFine() {
    assertEquals("", CheckerHarness.run(CHECKER, BASE + """
        app a {
          image "a/a:1"
          env {
            DB_PASSWORD:      ""
            ADMIN_PASSWORD:   "$(DB_PASSWORD)"
            USE_TOKEN:        true
            KEYBOARD_LAYOUT:  "us"
            DB_PASSWORD_FILE: "/run/secrets/db"
          }
        }
        """));
  }

  @Test
  void anEnvFromATemplateIsReportedInTheTemplate() {
    assertEquals("""
        10:24: error[plaintext-secret]: `ADMIN_TOKEN` of app a holds a secret in plain text
          hint: put it in a `secret` and use `secret-env NAME`
          note 12:12: app a takes this from template `app-with-token`""", CheckerHarness.detailed(CHECKER, BASE + """
            template app-with-token() for app {
              image "a/${name}:1"
              env   { ADMIN_TOKEN: "changeme" }
            }
            app a from app-with-token {}
            """));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PASSWORD", "DB_PASSWORD", "POSTGRES_PASSWD", "GPG_PASSPHRASE", "GITHUB_TOKEN", "CLIENT_SECRET",
      "PAPERLESS_SECRET_KEY", "API_KEY", "APIKEY", "SONARR__AUTH__APIKEY", "RADARR_APIKEY", "AWS_SECRETKEY", "AWS_ACCESSKEY",
      "PRIVATE_KEY", "GIT_PRIVATE", "GCP_CREDENTIALS", "AZURE_CREDENTIAL", "db-password", "smtp.password", "dbPassword",
      "apiKey", "authToken", "clientSecret", "N8N_ENCRYPTION_KEY", "LICENSEKEY"})
  void namesASecret(String key) {
    assertTrue(SecretValueChecker.namesSecret(key), key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TZ", "KEYBOARD_LAYOUT", "MONKEY", "KEYCLOAK_URL", "HOTKEY", "TOKENIZER_MODEL", "PASSWORDLESS_LOGIN",
      "SECRETARY", "PUBLIC_KEY", "SSH_KEY_PATH", "DB_PASSWORD_FILE", "SECRETS_DIR", "PAPERLESS_TIME_ZONE", "LD_DB_ENGINE", "KEYRING_BACKEND"})
  void doesNotNameASecret(String key) {
    assertFalse(SecretValueChecker.namesSecret(key), key);
  }
}
