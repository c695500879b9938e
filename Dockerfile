# syntax=docker/dockerfile:1
# One image per chain: `docker build --build-arg CHAIN=tempo -t testnet-tempo .` (or CHAIN=risechain).
# The runtime stage holds the chain's built bin and its production dependencies only, and runs as
# the unprivileged `node` user. See docs/operations.md, "Run in a container".

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG CHAIN=tempo
# Native addons (better-sqlite3, secp256k1, keccak) build from source where no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY . .
RUN npx --yes pnpm@10 install --frozen-lockfile \
  && npx --yes pnpm@10 exec turbo run build --filter="@testnet/${CHAIN}..." \
  && npx --yes pnpm@10 --filter "@testnet/${CHAIN}" deploy --prod --legacy /deployed

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /deployed /app
# The default SQLite path is ./data/<chain>.db; mount a volume here to keep the journal.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENTRYPOINT ["node", "/app/dist/bin.js"]
CMD ["--help"]
