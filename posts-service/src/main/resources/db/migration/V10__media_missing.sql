-- Local images a post refers to that no media item answered when it was rendered, by every path
-- that would answer them: an upload claiming one of these paths re-renders the post, so its image
-- appears without the writer saving it again.
CREATE TABLE post_missing_media (
  post_id bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  path    text   NOT NULL,
  PRIMARY KEY (post_id, path)
);
CREATE INDEX post_missing_media_path ON post_missing_media (path);
