# syntax=docker/dockerfile:1
# The app on Node 20. Build stage: install everything (better-sqlite3 compiles from source),
# build the client if it has a build script, then drop dev dependencies.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY server/package.json server/
COPY client/package.json client/
COPY seeds/package.json seeds/
RUN npm ci
COPY . .
RUN npm run build -w client --if-present \
 && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 4000
# tsx runs the TypeScript sources directly (it is a server dependency, kept by the prune).
CMD ["npx", "tsx", "server/src/main.ts"]
