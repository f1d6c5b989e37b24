"""A Qt 6 (PySide6) form for the accessibility tests: a button, a check box, a labelled line edit
and a password line edit. Window class `qtform`. Once shown, it writes the screen box
[x, y, w, h] of each control, by label, as JSON to the file named by argv[1] (Qt's geometry:
what the test clicks, independent of the accessibility bus). Run with the venv's python and
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 (demotrace.capture.a11y.toolkit_env)."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget


def main() -> None:
    app = QApplication(["qtform"])
    app.setApplicationName("qtform")
    win = QWidget()
    win.setWindowTitle("Qt form")
    form = QFormLayout(win)
    widgets: dict[str, QWidget] = {
        "Send report": QPushButton("Send report"),
        "Subscribe": QCheckBox("Subscribe"),
    }
    form.addRow(widgets["Send report"])
    form.addRow(widgets["Subscribe"])
    for label, secret in (("Email", False), ("Passphrase", True)):
        edit = QLineEdit()
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        lab = QLabel(label)
        lab.setBuddy(edit)
        edit.setAccessibleName(label)
        form.addRow(lab, edit)
        widgets[label] = edit
    win.resize(420, 220)
    win.move(60, 60)
    win.show()

    def report() -> None:
        out = {}
        for label, w in widgets.items():
            p = w.mapToGlobal(w.rect().topLeft())
            out[label] = [p.x(), p.y(), w.width(), w.height()]
        path = sys.argv[1]
        with open(path + ".tmp", "w") as f:
            json.dump(out, f)
        os.replace(path + ".tmp", path)

    if len(sys.argv) > 1:
        QTimer.singleShot(600, report)
    app.exec()


if __name__ == "__main__":
    main()
