package io.convergence.sim.erp.internal;

import java.util.List;

/**
 * The simulated ERP's tables, in ISA-95 terms (docs/analytics/erp-schema.md describes them), and the
 * simulation's own record of what the plant did ({@code sim_*}, not part of an ERP).
 *
 * <p>Every ERP table has {@code changed_at} (when the row last changed) and {@code row_version}
 * (a number from one sequence, higher for every change): a reader that keeps the highest
 * {@code row_version} it has seen reads only the rows changed since.
 */
final class ErpSchema {

    /** The tables the reporting user may read, in the order they are created. */
    static final List<String> TABLES = List.of("material_definition", "work_center", "reason_code", "shift",
        "planned_stop", "production_order", "energy_tariff", "sim_truth_period", "sim_truth_stop_time", "sim_stop");

    static final String DDL = """
        CREATE SEQUENCE erp_change START WITH 1;

        CREATE TABLE material_definition (
          id            VARCHAR(40)      PRIMARY KEY,
          name          VARCHAR(200)     NOT NULL,
          unit          VARCHAR(20)      NOT NULL,
          ideal_cycle_s DOUBLE PRECISION NOT NULL CHECK (ideal_cycle_s > 0),
          setup_s       DOUBLE PRECISION NOT NULL CHECK (setup_s >= 0),
          unit_cost     DECIMAL(12,4)    NOT NULL,
          price         DECIMAL(12,4)    NOT NULL,
          currency      CHAR(3)          NOT NULL,
          changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
          row_version   BIGINT           NOT NULL
        );

        CREATE TABLE work_center (
          id                 VARCHAR(40)   PRIMARY KEY,
          name               VARCHAR(200)  NOT NULL,
          equipment_path     VARCHAR(1024) NOT NULL,
          cost_rate_per_hour DECIMAL(12,2) NOT NULL,
          currency           CHAR(3)       NOT NULL,
          changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
          row_version        BIGINT        NOT NULL
        );

        CREATE TABLE reason_code (
          code          VARCHAR(20)  PRIMARY KEY,
          text          VARCHAR(200) NOT NULL,
          loss_category VARCHAR(20)  NOT NULL CHECK (loss_category IN ('availability', 'performance', 'quality')),
          planned       BOOLEAN      NOT NULL,
          changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
          row_version   BIGINT       NOT NULL
        );

        CREATE TABLE shift (
          id             VARCHAR(40) PRIMARY KEY,
          name           VARCHAR(20) NOT NULL,
          work_center_id VARCHAR(40) REFERENCES work_center (id),
          start_time     TIMESTAMP WITH TIME ZONE NOT NULL,
          end_time       TIMESTAMP WITH TIME ZONE NOT NULL,
          time_zone      VARCHAR(60) NOT NULL,
          changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
          row_version    BIGINT      NOT NULL,
          CHECK (end_time > start_time)
        );
        CREATE INDEX shift_start ON shift (start_time);

        CREATE TABLE planned_stop (
          id             VARCHAR(60)  PRIMARY KEY,
          work_center_id VARCHAR(40)  REFERENCES work_center (id),
          kind           VARCHAR(20)  NOT NULL CHECK (kind IN ('break', 'maintenance', 'other')),
          reason_code    VARCHAR(20)  NOT NULL REFERENCES reason_code (code),
          start_time     TIMESTAMP WITH TIME ZONE NOT NULL,
          end_time       TIMESTAMP WITH TIME ZONE NOT NULL,
          description    VARCHAR(200) NOT NULL,
          changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
          row_version    BIGINT       NOT NULL,
          CHECK (end_time > start_time)
        );
        CREATE INDEX planned_stop_start ON planned_stop (start_time);

        CREATE TABLE production_order (
          id             VARCHAR(40) PRIMARY KEY,
          material_id    VARCHAR(40) NOT NULL REFERENCES material_definition (id),
          work_center_id VARCHAR(40) NOT NULL REFERENCES work_center (id),
          quantity       BIGINT      NOT NULL CHECK (quantity > 0),
          due_time       TIMESTAMP WITH TIME ZONE NOT NULL,
          planned_start  TIMESTAMP WITH TIME ZONE,
          planned_end    TIMESTAMP WITH TIME ZONE,
          actual_start   TIMESTAMP WITH TIME ZONE,
          actual_end     TIMESTAMP WITH TIME ZONE,
          state          VARCHAR(20) NOT NULL
                         CHECK (state IN ('planned', 'released', 'running', 'completed', 'cancelled')),
          sequence_no    BIGINT      NOT NULL,
          changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
          row_version    BIGINT      NOT NULL
        );
        CREATE INDEX production_order_line ON production_order (work_center_id, state, sequence_no);
        CREATE INDEX production_order_version ON production_order (row_version);

        CREATE TABLE energy_tariff (
          id            VARCHAR(40)   PRIMARY KEY,
          name          VARCHAR(40)   NOT NULL,
          start_time    TIMESTAMP WITH TIME ZONE NOT NULL,
          end_time      TIMESTAMP WITH TIME ZONE NOT NULL,
          price_per_kwh DECIMAL(10,5) NOT NULL,
          currency      CHAR(3)       NOT NULL,
          changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
          row_version   BIGINT        NOT NULL,
          CHECK (end_time > start_time)
        );

        CREATE TABLE sim_truth_period (
          scope          VARCHAR(10) NOT NULL CHECK (scope IN ('order', 'shift')),
          period_id      VARCHAR(60) NOT NULL,
          work_center_id VARCHAR(40) NOT NULL,
          first_time     TIMESTAMP WITH TIME ZONE NOT NULL,
          end_time       TIMESTAMP WITH TIME ZONE NOT NULL,
          run_ms         BIGINT      NOT NULL,
          good_count     BIGINT      NOT NULL,
          reject_count   BIGINT      NOT NULL,
          PRIMARY KEY (scope, period_id)
        );

        CREATE TABLE sim_truth_stop_time (
          scope       VARCHAR(10) NOT NULL,
          period_id   VARCHAR(60) NOT NULL,
          reason_code VARCHAR(20) NOT NULL,
          stop_ms     BIGINT      NOT NULL,
          stop_count  INTEGER     NOT NULL,
          PRIMARY KEY (scope, period_id, reason_code)
        );

        CREATE TABLE sim_stop (
          id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          work_center_id VARCHAR(40) NOT NULL,
          start_time     TIMESTAMP WITH TIME ZONE NOT NULL,
          end_time       TIMESTAMP WITH TIME ZONE NOT NULL,
          reason_code    VARCHAR(20) NOT NULL,
          order_id       VARCHAR(40)
        );
        """;

    private ErpSchema() {
    }
}
