-- The agent's grade and hire date, as the HR system exports them (certificates state them).
ALTER TABLE agent ADD COLUMN grade VARCHAR(200);
ALTER TABLE agent ADD COLUMN hired_on DATE;
