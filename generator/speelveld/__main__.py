"""``python -m speelveld``: the command line, also where the console script is not on PATH."""

from .cli import main

if __name__ == "__main__":  # pragma: no branch
    main(prog_name="speelveld")
