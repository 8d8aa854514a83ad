"""Coupling of the solvers: electromechanics with a lumped circulation."""
