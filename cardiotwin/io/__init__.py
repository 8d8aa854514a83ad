"""Outputs: progress display, time series (XDMF/VTX), maps, checkpoints."""
