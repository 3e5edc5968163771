"""Pipeline steps, one module per concept; each registers itself with ``pipeline.step``."""
