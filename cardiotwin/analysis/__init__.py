"""Analysis of simulated (or measured) signals and maps: no solver code, arrays in, numbers out.

- :mod:`~cardiotwin.analysis.activation` - total activation time and other map summaries
- :mod:`~cardiotwin.analysis.ecg` - QRS onset/offset, T end, QT on an ECG trace
- :mod:`~cardiotwin.analysis.reentry` - re-entry detection, cycle length, exit sites
- :mod:`~cardiotwin.analysis.risk` - torsade metric score thresholds (CiPA)
- :mod:`~cardiotwin.analysis.strength_duration` - capture thresholds, Weiss/Lapicque fits
"""
