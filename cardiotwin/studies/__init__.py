"""Runnable experiments built from the solvers and scenarios.

- :mod:`~cardiotwin.studies.demo` - the shipped end-to-end demo (``cardiotwin demo``)
- :mod:`~cardiotwin.studies.runconfig`, :mod:`~cardiotwin.studies.runner`,
  :mod:`~cardiotwin.studies.batch` - TOML run configurations, their runs and cohorts
- :mod:`~cardiotwin.studies.crt`, :mod:`~cardiotwin.studies.vt_ablation` - device and
  ablation studies
- :mod:`~cardiotwin.studies.niederer` - the Niederer et al. 2011 benchmark
- :mod:`~cardiotwin.studies.drug_trial`, :mod:`~cardiotwin.studies.cipa`,
  :mod:`~cardiotwin.studies.wedge_qt` - cell-level trials, CiPA risk, wedge QT
- :mod:`~cardiotwin.studies.strength_duration` - pacing capture in tissue
- :mod:`~cardiotwin.studies.mechbench`, :mod:`~cardiotwin.studies.inflation` - the Land et al.
  2015 mechanics benchmark and passive inflation of a ventricle
"""
