# Everyday commands. `make help` lists them.
SHELL := /bin/bash
export TURBO_TELEMETRY_DISABLED := 1
export NEXT_TELEMETRY_DISABLED := 1
export DO_NOT_TRACK := 1

.DEFAULT_GOAL := help
.PHONY: help install dev api web services-up services-down migrate studio lint format check type-check build test test-e2e budget lighthouse bench bench-scale bench-export bench-start clean

help: ## List the commands
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

node_modules/.modules.yaml: package.json pnpm-lock.yaml pnpm-workspace.yaml
	@./scripts/ensure-pnpm.sh
	pnpm install --frozen-lockfile
	@touch $@

install: node_modules/.modules.yaml ## Install pnpm (if missing) and the dependencies

dev: install ## Run everything on the embedded defaults (or the services in .env); Ctrl-C stops it
	DEV_SUPERVISOR_PID=$$PPID pnpm dev

api: install ## Run only the API server
	pnpm --filter @acme/server dev

web: install ## Run only the web app (auth server + UI)
	pnpm --filter @acme/web dev

services-up: ## Start Postgres, MinIO and Redis in Docker (see docker-compose.yml)
	docker compose up -d --wait

services-down: ## Stop the Docker services (volumes are kept)
	docker compose down

migrate: install ## Apply pending migrations (embedded Postgres when DATABASE_URL is unset)
	pnpm db:migrate

studio: install ## Open Prisma Studio on DATABASE_URL
	pnpm db:studio

lint: install ## Lint and check formatting (Biome)
	pnpm lint

format: install ## Format and fix what Biome can
	pnpm format

type-check: install ## Type-check every package
	pnpm typecheck

check: lint type-check ## Lint and type-check

build: install ## Build every app
	pnpm build

test: install ## Run all tests against real Postgres, Redis and S3 (started if needed)
	@./scripts/ensure-services.sh
	pnpm exec vitest run $(VITEST_ARGS)

test-e2e: install ## Run the browser journeys in Chromium (starts every server itself)
	@./scripts/ensure-services.sh
	@./scripts/ensure-chromium.sh
	pnpm --filter @acme/web exec playwright test $(PLAYWRIGHT_ARGS)

budget: install ## Build the web app and report the dashboard's first-load JS
	pnpm --filter @acme/web build
	pnpm --filter @acme/web budget

lighthouse: install ## Lighthouse scores of the landing page, sign-in and the dashboard on a production build
	@./scripts/ensure-services.sh
	@./scripts/ensure-chromium.sh
	pnpm --filter @acme/web build
	pnpm --filter @acme/web lighthouse

bench: install ## Run the load benchmarks (bench/README.md)
	pnpm bench

bench-scale: install ## Lists at a million rows: cost against tenant size, page depth, and an 8-minute soak (bench/README.md)
	pnpm bench:scale

bench-export: install ## The admin CSV export's memory: 10,000 against 100,000 users (bench/README.md)
	pnpm --filter @acme/bench export

bench-start: install ## Time make dev's cold and warm start and the embedded PostgreSQL's memory
	pnpm --filter @acme/bench start-up

clean: ## Remove build output, caches and the embedded services' data
	rm -rf .data .cache .turbo apps/*/.next apps/*/dist apps/*/.turbo apps/web/test-results packages/*/.turbo packages/*/.cache packages/db/src/generated
