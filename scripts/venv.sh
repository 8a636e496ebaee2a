# Sourced by ./run and ./test: make .venv with Python 3.11 and install a requirements file,
# again only when the requirements files change (their hash is kept in a stamp in .venv).
PYTHON=${PYTHON:-python3}

ensure_venv() {
    local requirements=$1 stamp=".venv/.installed-$(basename "$1" .txt)"
    if ! .venv/bin/python -c '' 2>/dev/null; then
        "$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || {
            echo "Mindwell needs Python 3.11 as '$PYTHON' (set PYTHON=... to choose another)." >&2
            exit 1
        }
        echo "Creating .venv with $("$PYTHON" --version) ..."
        rm -rf .venv
        "$PYTHON" -m venv .venv
    fi
    local want
    want=$(cat requirements/*.txt | .venv/bin/python -c \
        'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
    # requirements/test.txt includes base.txt: after ./test, ./run has nothing to install.
    local covering=".venv/.installed-test"
    if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" && "$(cat "$covering" 2>/dev/null)" != "$want" ]]; then
        echo "Installing $requirements ..."
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
        echo "$want" >"$stamp"
    fi
}
