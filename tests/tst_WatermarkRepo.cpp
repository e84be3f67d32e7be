// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialectSuite.h"
#include "TestEnv.h"
#include "storage/Transaction.h"
#include "store/JobRepo.h"
#include "store/WatermarkRepo.h"

#include <QTest>

using namespace Store;

class TestWatermarkRepo : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
private Q_SLOTS:

    void setAndRead()
    {
        WatermarkRepo marks(m_test->db());
        QVERIFY(!marks.value(QStringLiteral("shop"), QStringLiteral("orders"))->has_value());
        QVERIFY_OK(marks.setValue(QStringLiteral("shop"), QStringLiteral("orders"), QStringLiteral("10")));
        QVERIFY_OK(marks.setValue(QStringLiteral("shop"), QStringLiteral("orders"), QStringLiteral("42")));
        QVERIFY_OK(marks.setValue(QStringLiteral("shop"), QStringLiteral("status_log"), QStringLiteral("7")));
        QCOMPARE(marks.value(QStringLiteral("shop"), QStringLiteral("orders")).value(),
                 std::optional<QString>(QStringLiteral("42")));
        QCOMPARE(marks.value(QStringLiteral("shop"), QStringLiteral("status_log")).value(),
                 std::optional<QString>(QStringLiteral("7")));
    }

    /** A source appends its jobs and moves its watermark in one transaction: all or nothing. */
    void movesTogetherWithJobs()
    {
        auto db = m_test->db();
        WatermarkRepo marks(db);
        JobRepo jobs(db);
        {
            Storage::Transaction tx(*db);
            QVERIFY(tx.isActive());
            NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("order:shop:1:created");
            QVERIFY_OK(jobs.enqueue(job));
            QVERIFY_OK(marks.setValue(QStringLiteral("shop"), QStringLiteral("orders"), QStringLiteral("1")));
            // no commit: the process "crashes" here
        }
        QVERIFY(!marks.value(QStringLiteral("shop"), QStringLiteral("orders"))->has_value());
        QCOMPARE(jobs.countsByState()->value(JobState::Pending), 0);
        {
            Storage::Transaction tx(*db);
            NewJob job;
            job.kind = QStringLiteral("order.created");
            job.idempotencyKey = QStringLiteral("order:shop:1:created");
            QVERIFY_OK(jobs.enqueue(job));
            QVERIFY_OK(marks.setValue(QStringLiteral("shop"), QStringLiteral("orders"), QStringLiteral("1")));
            QVERIFY_OK(tx.commit());
        }
        QCOMPARE(marks.value(QStringLiteral("shop"), QStringLiteral("orders")).value(),
                 std::optional<QString>(QStringLiteral("1")));
        QCOMPARE(jobs.countsByState()->value(JobState::Pending), 1);
    }
};

QTEST_GUILESS_MAIN(TestWatermarkRepo)
#include "tst_WatermarkRepo.moc"
