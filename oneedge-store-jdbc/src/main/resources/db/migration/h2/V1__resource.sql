-- One row per oneM2M resource (ARCHITECTURE.md, Storage). The document column holds the representation as JSON
-- text, exactly as the engine gave it; the other columns are what the store searches and sorts by.
CREATE TABLE resource (
    ri   CHARACTER VARYING          NOT NULL, -- resourceID
    pi   CHARACTER VARYING          NOT NULL, -- parentID; '' for the CSEBase
    ty   INTEGER                    NOT NULL, -- resourceType
    rn   CHARACTER VARYING          NOT NULL, -- resourceName
    path CHARACTER VARYING          NOT NULL, -- structured CSE-relative path, e.g. cse-in/AE1/cnt1
    lvl  INTEGER                    NOT NULL, -- number of '/' in path: CSEBase 0, its children 1, ...
    ct   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    lt   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    et   TIMESTAMP(9) WITH TIME ZONE,
    doc  CHARACTER VARYING          NOT NULL,
    CONSTRAINT resource_pk PRIMARY KEY (ri),
    CONSTRAINT resource_sibling_name_uk UNIQUE (pi, rn),
    CONSTRAINT resource_path_uk UNIQUE (path)
);

-- children, la/ol (pi, ty, newest or oldest first) and counts
CREATE INDEX resource_children_ix ON resource (pi, ty, ct, ri);
-- expiry sweeps
CREATE INDEX resource_expiry_ix ON resource (et, ri);
