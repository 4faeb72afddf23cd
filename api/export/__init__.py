"""The export resource: the claim graph in AIF, ClaimReview, GraphML or neo4j-admin CSV."""
