# MailPing: one image with both binaries. Compose (or you) picks which one runs:
#   mailping-pixel-server            serve pixels and copy pages (port 8080)
#   mailping-pixel-server migrate    apply database migrations and exit
#   mailping-bot                     Telegram and Discord bot, alert dispatcher (port 8081)

# Build. No OpenSSL or libpq is needed: Postgres is reached through tokio-postgres and TLS
# is rustls, so the stock Rust image has everything.
FROM rust:1.95-bookworm AS builder
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p mailping-pixel-server -p mailping-bot

# Run. Same Debian release as the builder, so the binaries find the glibc they were linked against.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 mailping \
    && useradd --system --uid 10001 --gid mailping --no-create-home --shell /usr/sbin/nologin mailping \
    && mkdir -p /var/lib/mailping/spill && chown 10001:10001 /var/lib/mailping/spill
# Where the pixel server spills opens while Postgres is down; docker-compose.yml mounts a volume.
ENV SPILL_DIR=/var/lib/mailping/spill
COPY --from=builder /src/target/release/mailping-pixel-server /src/target/release/mailping-bot /usr/local/bin/
WORKDIR /app
USER 10001:10001
EXPOSE 8080 8081
# A default for `docker run`; docker-compose.yml sets the command of every service.
CMD ["mailping-pixel-server"]
