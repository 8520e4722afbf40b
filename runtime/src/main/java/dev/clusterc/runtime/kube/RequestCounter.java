package dev.clusterc.runtime.kube;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every request a fabric8 client sends, installed as an interceptor on its HTTP client, so
 * the benchmark and the tests can tell how many requests and writes an operation cost. Retries are
 * counted too: each attempt is a request.
 */
final class RequestCounter implements Interceptor {
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong dryRuns = new AtomicLong();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.incrementAndGet();
    if (MUTATING.contains(request.method())) {
      String query = request.uri().getRawQuery();
      if (query != null && query.contains("dryRun=All")) {
        dryRuns.incrementAndGet();
      } else {
        writes.incrementAndGet();
      }
    }
  }

  RequestCounts snapshot() {
    return new RequestCounts(requests.get(), writes.get(), dryRuns.get());
  }
}
