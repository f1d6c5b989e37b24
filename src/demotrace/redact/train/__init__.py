"""Training of the shipped character model (`make model`): data generator, fit, ONNX export.

Not imported at run time. `generate` needs Faker (dev extra); `fit` needs torch and onnx (the
`model` extra). `python -m demotrace.redact.train.fit` rebuilds `redact/model/charmodel.onnx`.
"""
