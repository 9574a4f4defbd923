# MailPing: one image. By default it runs `mailping`, the pixel server and the bot in one
# process, with its own PostgreSQL and its own certificate in /var/lib/mailping (a volume):
#   docker run -d -p 80:80 -p 443:443 -v mailping-data:/var/lib/mailping \
#       -e TELEGRAM_BOT_TOKEN=... -e PUBLIC_BASE_URL=https://px.example.com mailping
# The two services' binaries are in it too, for several replicas of each:
#   mailping-pixel-server [migrate]    pixel server (port 8080)
#   mailping-bot                       bot and alert dispatcher (port 8081)

# Build. No OpenSSL or libpq is needed: Postgres is reached through tokio-postgres and TLS
# is rustls, so the stock Rust image has everything.
FROM rust:1.95-bookworm AS builder
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p mailping-pixel-server -p mailping-bot --bins

# Run. Same Debian release as the builder, so the binaries find the glibc they were linked
# against. PostgreSQL's server binaries (initdb, pg_ctl, postgres) are for mailping's own
# database; the package's cluster is not used.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates postgresql-15 \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 mailping \
    && useradd --system --uid 10001 --gid mailping --no-create-home --shell /usr/sbin/nologin mailping \
    && mkdir -p /var/lib/mailping && chown 10001:10001 /var/lib/mailping
# mailping's data directory: its database, its certificate, and the spill directory.
ENV MAILPING_DATA_DIR=/var/lib/mailping \
    SPILL_DIR=/var/lib/mailping/spill
COPY --from=builder /src/target/release/mailping /src/target/release/mailping-pixel-server \
    /src/target/release/mailping-bot /usr/local/bin/
WORKDIR /var/lib/mailping
# Not root: the database runs as this user too. Docker lets a container's users bind 80 and
# 443 (net.ipv4.ip_unprivileged_port_start is 0 in its network namespace).
USER 10001:10001
VOLUME /var/lib/mailping
EXPOSE 80 443 8080 8081
CMD ["mailping"]
