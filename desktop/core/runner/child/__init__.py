"""Code that runs inside the sandboxed child process (standard library only).

These files are started as scripts (`python -I -S jail.py …`), so they do
not import the rest of the application."""
