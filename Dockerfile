# Build stage: the release binary, from the locked dependency set.
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock rustfmt.toml ./
COPY .cargo ./.cargo
COPY src ./src
COPY benches ./benches
RUN cargo build --release --locked --bin chiso

# Run stage: a slim image, a non-root user, the seed baked in, the store in a volume.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin chiso \
 && mkdir -p /data \
 && chown chiso /data
WORKDIR /app
COPY --from=build /src/target/release/chiso /usr/local/bin/chiso
COPY seed ./seed
ENV CHISO_BIND=0.0.0.0:8080 \
    CHISO_DB=/data/chiso.sqlite3 \
    CHISO_SEED_DIR=/app/seed \
    RUST_LOG=info
USER chiso
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["chiso"]
CMD ["serve"]
