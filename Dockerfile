# Images for `docker compose up` (docker-compose.yml), a second way to run next to `make run`.
#   target api:   the API (`kb serve`) with the explorer's vendored graph library
#   target neo4j: Neo4j (the version neo4j-local/pom.xml pins) with the project's /kb/
#                 extension, which serves the Browser guide and style as `make run` does
# Builds need the network (PyPI, npm, Maven Central); running does not.

# --- the explorer's graph library, as `make install` copies it into web/vendor/ ----------
FROM node:20-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error \
 && mkdir -p vendor \
 && cp node_modules/cytoscape/dist/cytoscape.esm.min.mjs \
       node_modules/cytoscape-dagre/dist/cytoscape-dagre.min.mjs vendor/ \
 && cp node_modules/cytoscape/LICENSE vendor/LICENSE.cytoscape \
 && cp node_modules/cytoscape-dagre/LICENSE vendor/LICENSE.cytoscape-dagre \
 && touch vendor/.installed

# --- the API ----------------------------------------------------------------------------
FROM python:3.11-slim AS api
WORKDIR /app
COPY pyproject.toml README.md ./
COPY kb/ kb/
COPY api/ api/
COPY cypher/ cypher/
COPY corpus/ corpus/
COPY web/ web/
COPY --from=web /web/vendor/ web/vendor/
RUN pip install --no-cache-dir -e .
EXPOSE 8000
CMD ["kb", "serve", "--host", "0.0.0.0", "--port", "8000"]

# --- the /kb/ extension of the local launcher (ResearchFiles), built with Maven ---------
FROM maven:3.9-eclipse-temurin-17 AS launcher
WORKDIR /build
COPY neo4j-local/pom.xml neo4j-local/pom.xml
COPY neo4j-local/src/ neo4j-local/src/
RUN mvn -B -ntp -q -f neo4j-local/pom.xml -DskipTests package \
 && cp neo4j-local/target/neo4j-local-*.jar /build/kb-browser-extension.jar

# --- Neo4j with the extension; the guide and style come from the browser-files volume ---
FROM neo4j:5.26-community AS neo4j
COPY --from=launcher /build/kb-browser-extension.jar /plugins/kb-browser-extension.jar
