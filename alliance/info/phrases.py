"""The Korean labels of the information services' audit actions. Each area adds its own `register_actions` call."""
