//! A fake Discord REST API server.
