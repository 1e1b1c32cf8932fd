-- The unique path already makes a name unique among its siblings (path = parent's path + '/' + rn); the second
-- unique index only cost one more index page rewrite on every commit.
ALTER TABLE resource DROP CONSTRAINT resource_sibling_name_uk;
