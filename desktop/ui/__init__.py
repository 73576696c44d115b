"""The Qt layer: widgets only. Logic lives in desktop.core and db."""
