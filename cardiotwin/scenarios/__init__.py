"""Scenarios as data: drugs, ablation lesions and scar, pacing devices.

Each scenario is a frozen description that transforms a simulation's parameters or
fields (conductance scalings, conductivity scaling, stimuli); no solver code lives here.
"""
