"""Runs apps.k with n apps through kcl-lib (KCL's own runtime, by its Python binding) and prints the YAML.

The KCL command-line tool is a Go module not served by this project's module proxy; kcl-lib carries the
same native KCL runtime, so this stands in for `kcl run apps.k -D n=N`. Usage: kcl_run.py FILE N
"""
import sys

import kcl_lib.api as api


def main() -> int:
    file, n = sys.argv[1], sys.argv[2]
    args = api.ExecProgramArgs(k_filename_list=[file], args=[api.Argument(name="n", value=n)])
    result = api.API().exec_program(args)
    if result.err_message:
        print(result.err_message, file=sys.stderr)
        return 1
    sys.stdout.write(result.yaml_result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
