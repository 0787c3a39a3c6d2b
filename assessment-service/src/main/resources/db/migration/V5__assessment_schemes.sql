-- Assessment schemes (考核方案) are data: one per year and version, each category's indicators weighed out of 100.
-- A published version is never edited; the office publishes a new one, which supersedes it.
CREATE TABLE scheme (
    id           uuid PRIMARY KEY,
    year         integer     NOT NULL,
    version      integer     NOT NULL,
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    name         text        NOT NULL,
    definition   jsonb       NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_by text,
    published_at timestamptz,
    UNIQUE (year, version)
);
-- at most one version of a year in force
CREATE UNIQUE INDEX scheme_in_force ON scheme (year) WHERE status = 'PUBLISHED';

-- The default scheme, in force from 2014 until the office publishes another: Kunming's three categories (A
-- departments with rigid tasks weigh plan-making and task completion; B departments without weigh self-selected
-- tasks and cooperation, judged by lead-unit peer evaluation and the assessment group; C districts, counties and
-- zones weigh mechanisms, task completion and innovation, judged on site), over Weinan's areas (decisions carried
-- out, pilots, supervision, reporting, democratic evaluation). Deductions are those the service used before
-- schemes were data, so live scores do not move. Year end: Zibo's 50% monthly scores, 50% year-end assessment.
INSERT INTO scheme (id, year, version, status, name, definition, created_by, created_at, published_by, published_at)
VALUES ('5c4e3e00-0000-4000-8000-000000002014', 2014, 1, 'PUBLISHED', '全面深化改革工作考核方案（默认）',
'{
  "categories": {
    "A": [
      {
        "indicator": "OVERDUE_TASKS",
        "label": "改革任务完成（逾期任务）",
        "weight": 25,
        "points": -2
      },
      {
        "indicator": "ON_TIME_CLOSE_RATE",
        "label": "改革任务按时销号",
        "weight": 15
      },
      {
        "indicator": "LATE_REPORTS",
        "label": "改革台账与月度汇报",
        "weight": 10,
        "points": -1
      },
      {
        "indicator": "SUPERVISION_ORDERS",
        "label": "改革任务督察落实（督办单，按三单一书分档）",
        "rungPoints": [
          -0.5,
          -1,
          -2,
          -4
        ],
        "weight": 10
      },
      {
        "indicator": "LATE_RECTIFICATIONS",
        "label": "督察问题限时整改",
        "weight": 5,
        "points": -2
      },
      {
        "indicator": "ACCOUNTABILITY",
        "label": "问责",
        "weight": 5,
        "points": -5
      },
      {
        "indicator": "LATE_PILOT_SUMMARIES",
        "label": "改革试点组织推进（四个一）",
        "weight": 5,
        "points": -1
      },
      {
        "indicator": "ASSESSOR_SCORE",
        "label": "考核小组评分（改革方案制定、组织领导）",
        "weight": 15
      },
      {
        "indicator": "DEMOCRATIC_EVALUATION",
        "label": "民主评议",
        "weight": 10
      }
    ],
    "B": [
      {
        "indicator": "OVERDUE_TASKS",
        "label": "自选改革任务完成（逾期任务）",
        "weight": 10,
        "points": -2
      },
      {
        "indicator": "ON_TIME_CLOSE_RATE",
        "label": "改革任务按时销号",
        "weight": 10
      },
      {
        "indicator": "LATE_REPORTS",
        "label": "改革台账与月度汇报",
        "weight": 5,
        "points": -1
      },
      {
        "indicator": "SUPERVISION_ORDERS",
        "label": "改革任务督察落实（督办单，按三单一书分档）",
        "rungPoints": [
          -0.5,
          -1,
          -2,
          -4
        ],
        "weight": 10
      },
      {
        "indicator": "LATE_RECTIFICATIONS",
        "label": "督察问题限时整改",
        "weight": 5,
        "points": -2
      },
      {
        "indicator": "ACCOUNTABILITY",
        "label": "问责",
        "weight": 5,
        "points": -5
      },
      {
        "indicator": "LATE_PILOT_SUMMARIES",
        "label": "改革试点组织推进（四个一）",
        "weight": 5,
        "points": -1
      },
      {
        "indicator": "PEER_EVALUATION",
        "label": "牵头部门评议（配合改革工作推进）",
        "weight": 25
      },
      {
        "indicator": "ASSESSOR_SCORE",
        "label": "考核小组评分",
        "weight": 15
      },
      {
        "indicator": "DEMOCRATIC_EVALUATION",
        "label": "民主评议",
        "weight": 10
      }
    ],
    "C": [
      {
        "indicator": "OVERDUE_TASKS",
        "label": "改革任务完成（逾期任务）",
        "weight": 20,
        "points": -2
      },
      {
        "indicator": "ON_TIME_CLOSE_RATE",
        "label": "改革任务按时销号",
        "weight": 10
      },
      {
        "indicator": "LATE_REPORTS",
        "label": "改革台账与月度汇报",
        "weight": 5,
        "points": -1
      },
      {
        "indicator": "SUPERVISION_ORDERS",
        "label": "改革任务督察落实（督办单，按三单一书分档）",
        "rungPoints": [
          -0.5,
          -1,
          -2,
          -4
        ],
        "weight": 10
      },
      {
        "indicator": "LATE_RECTIFICATIONS",
        "label": "督察问题限时整改",
        "weight": 5,
        "points": -2
      },
      {
        "indicator": "ACCOUNTABILITY",
        "label": "问责",
        "weight": 5,
        "points": -5
      },
      {
        "indicator": "LATE_PILOT_SUMMARIES",
        "label": "改革试点组织推进（四个一）",
        "weight": 10,
        "points": -1
      },
      {
        "indicator": "ASSESSOR_SCORE",
        "label": "考核小组现场考核（工作机制建立、探索创新实践）",
        "weight": 25
      },
      {
        "indicator": "DEMOCRATIC_EVALUATION",
        "label": "民主评议",
        "weight": 10
      }
    ]
  },
  "yearEnd": {
    "monthlyShare": 50,
    "excellentFrom": 90,
    "completedFrom": 60,
    "excellentQuota": null
  }
}'::jsonb, 'flyway', now(), 'flyway', now());
