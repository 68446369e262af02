"""smscli: `aws pinpoint-sms-voice-v2` on a local, simulated state store."""

__version__ = "0.1.0"
