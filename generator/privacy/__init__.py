"""守秘義務: the confidentiality lint on contributor text and on built pages."""
