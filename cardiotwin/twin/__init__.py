"""A patient's fitted model: fast forward model, calibration to an ECG, the twin folder,
updates and predictions (see :mod:`cardiotwin.twin.twin`)."""
