-- One row per oneM2M resource (ARCHITECTURE.md, Storage). The document column holds the representation as JSON
-- text, exactly as the engine gave it (jsonb would reorder keys); the other columns are what the store searches and
-- sorts by. Identifiers use the "C" collation so that they sort like Java strings and path prefix ranges use the
-- plain b-tree index whatever the database's locale.
CREATE TABLE resource (
    ri   TEXT COLLATE "C"         NOT NULL, -- resourceID
    pi   TEXT COLLATE "C"         NOT NULL, -- parentID; '' for the CSEBase
    ty   INTEGER                  NOT NULL, -- resourceType
    rn   TEXT COLLATE "C"         NOT NULL, -- resourceName
    path TEXT COLLATE "C"         NOT NULL, -- structured CSE-relative path, e.g. cse-in/AE1/cnt1
    lvl  INTEGER                  NOT NULL, -- number of '/' in path: CSEBase 0, its children 1, ...
    ct   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lt   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    et   TIMESTAMP(6) WITH TIME ZONE,
    doc  TEXT                     NOT NULL,
    CONSTRAINT resource_pk PRIMARY KEY (ri),
    CONSTRAINT resource_sibling_name_uk UNIQUE (pi, rn),
    CONSTRAINT resource_path_uk UNIQUE (path)
);

-- children, la/ol (pi, ty, newest or oldest first) and counts
CREATE INDEX resource_children_ix ON resource (pi, ty, ct, ri);
-- expiry sweeps
CREATE INDEX resource_expiry_ix ON resource (et, ri) WHERE et IS NOT NULL;
