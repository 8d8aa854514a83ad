"""Runnable experiments built on the solvers: the Land et al. 2015 mechanics benchmark
(:mod:`cardiotwin.studies.mechbench`) and passive inflation of a ventricle
(:mod:`cardiotwin.studies.inflation`)."""
