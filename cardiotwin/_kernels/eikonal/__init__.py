"""Compiled eikonal kernels (built from kernels/eikonal/*.pyx)."""
