"""The code editor. scintilla.py is the only module that imports the binding."""
