-- PDSA cycles of members' change ideas, recorded while a plan runs (not part of the versioned plan content, so
-- recording a cycle never makes a new plan version). Annotations of measure periods stay in measurement.annotation.
CREATE TABLE pdsa_cycle (
    ods_code      VARCHAR(8)    NOT NULL REFERENCES member (ods_code),
    change_idea   VARCHAR(50)   NOT NULL,
    cycle_number  INTEGER       NOT NULL,
    measure_keys  VARCHAR(2000) NOT NULL,
    plan_text     VARCHAR(2000) NOT NULL,
    owner_name    VARCHAR(200)  NOT NULL,
    planned_start DATE          NOT NULL,
    planned_end   DATE,
    prediction    VARCHAR(2000) NOT NULL,
    done_text     VARCHAR(2000),
    done_from     DATE,
    done_to       DATE,
    study_text    VARCHAR(2000),
    decision      VARCHAR(20),
    follows       INTEGER,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(200)  NOT NULL,
    lock_version  BIGINT        NOT NULL,
    PRIMARY KEY (ods_code, change_idea, cycle_number)
);
