// SPDX-License-Identifier: GPL-3.0-or-later
// Fan-out in the store, on SQLite and PostgreSQL: a shop event becomes one job per target CRM
// connection, exactly once; a source may name its targets; a connection added later gets only new
// events, a disabled one none, a removed one's queue is cancelled; jobs stored without a connection
// (before fan-out, or while no CRM was connected) get theirs before any lane leases.
#include "DialectSuite.h"
#include "TestEnv.h"
#include "model/ShopEvent.h"
#include "source/EventOutbox.h"
#include "source/SourceRepo.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"
#include "store/OutboxFanOut.h"

#include <QTest>

using namespace Store;

class TestOutboxFanOut : public TestSupport::DialectSuite
{
    Q_OBJECT
private:
    qint64 addConnection(const QString &name, const QString &crm = QStringLiteral("amocrm"))
    {
        Connection c;
        c.name = name;
        c.crm = crm;
        c.baseUrl = QStringLiteral("https://%1.example").arg(name);
        auto added = ConnectionRepo(m_test->db()).add(c);
        return added ? added->id : 0;
    }

    static Model::ShopEvent orderCreated(const QString &id, const QString &source = QStringLiteral("shop"))
    {
        Model::ShopEvent event;
        event.kind = Model::ShopEvent::Kind::OrderCreated;
        event.source = source;
        event.entityId = id;
        event.reference = QStringLiteral("2311/") + id;
        event.payload = QJsonObject { { "id", id } };
        return event;
    }

    OutboxFanOut::Appended append(const Model::ShopEvent &event)
    {
        OutboxFanOut outbox(m_test->db());
        auto appended = Source::EventOutbox::append(outbox, event);
        if (!appended)
            qWarning() << appended.error().message;
        return appended.valueOr({});
    }

    static QList<qint64> connectionsOf(const QList<Job> &jobs)
    {
        QList<qint64> ids;
        for (const Job &job : jobs)
            ids << job.connectionId.value_or(0);
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    QList<qint64> leasedBy(qint64 connectionId)
    {
        QList<qint64> ids;
        for (const Job &job :
             JobRepo(m_test->db())
                 .lease(QStringLiteral("lane-%1").arg(connectionId), 50, 60'000, connectionId)
                 .valueOr({}))
            ids << job.id;
        return ids;
    }

private Q_SLOTS:
    void anEventBecomesOneJobPerConnectionOnce()
    {
        const qint64 amo = addConnection(QStringLiteral("amo"));
        const qint64 retail = addConnection(QStringLiteral("retail"), QStringLiteral("retailcrm"));
        const OutboxFanOut::Appended first = append(orderCreated(QStringLiteral("17")));
        QVERIFY(first.created);
        QCOMPARE(connectionsOf(first.jobs), (QList<qint64> { amo, retail }));
        QCOMPARE(first.jobs[0].idempotencyKey, QStringLiteral("order:shop:17:created@%1").arg(amo));
        QCOMPARE(first.jobs[1].idempotencyKey, QStringLiteral("order:shop:17:created@%1").arg(retail));
        QCOMPARE(first.jobs[1].reference, QStringLiteral("2311/17"));

        // The same happening again (a re-poll, a retried form post, a file imported twice): nothing new.
        const OutboxFanOut::Appended again = append(orderCreated(QStringLiteral("17")));
        QVERIFY(!again.created);
        QCOMPARE(connectionsOf(again.jobs), (QList<qint64> { amo, retail }));
        QCOMPARE(JobRepo(m_test->db()).count({}).value(), 2);
        QCOMPARE(JobRepo(m_test->db()).findByEvent(QStringLiteral("order:shop:17:created"))->size(), 2);
        // An event whose key merely starts the same is another event.
        Model::ShopEvent profile;
        profile.kind = Model::ShopEvent::Kind::CustomerSaved;
        profile.source = QStringLiteral("shop");
        profile.entityId = QStringLiteral("5");
        profile.revision = QStringLiteral("r");
        QVERIFY(append(profile).created);
        profile.revision = QStringLiteral("r@main");
        QVERIFY(append(profile).created);
        QCOMPARE(JobRepo(m_test->db()).findByEvent(QStringLiteral("customer:shop:5:r"))->size(), 2);

        // Each lane leases only its own connection's jobs.
        QCOMPARE(leasedBy(amo).size(), 3);
        QCOMPARE(leasedBy(retail).size(), 3);
        QVERIFY(leasedBy(amo).isEmpty());
        QCOMPARE(JobRepo(m_test->db()).get(first.jobs[1].id)->leaseOwner,
                 QStringLiteral("lane-%1").arg(retail));
    }

    void aSourceNamingItsTargetsSendsOnlyThere()
    {
        const qint64 amo = addConnection(QStringLiteral("amo"));
        const qint64 retail = addConnection(QStringLiteral("retail"), QStringLiteral("retailcrm"));
        OutboxFanOut outbox(m_test->db());
        QVERIFY_OK(outbox.setNamedTargets(QStringLiteral("shop"), { retail }));
        QCOMPARE(outbox.namedTargets(QStringLiteral("shop")).value(), QList<qint64> { retail });
        QCOMPARE(connectionsOf(append(orderCreated(QStringLiteral("1"))).jobs), QList<qint64> { retail });
        // Another source (the forms) still goes everywhere.
        QCOMPARE(connectionsOf(append(orderCreated(QStringLiteral("1"), QStringLiteral("forms"))).jobs),
                 (QList<qint64> { amo, retail }));
        QCOMPARE(outbox.setNamedTargets(QStringLiteral("shop"), { 999 }).error().kind,
                 Common::ErrorKind::NotFound);
        QCOMPARE(outbox.namedTargets(QStringLiteral("shop")).value(), QList<qint64> { retail });
        // The named target removed: the source goes to every connection again.
        QVERIFY_OK(ConnectionRepo(m_test->db()).remove(retail));
        QCOMPARE(connectionsOf(append(orderCreated(QStringLiteral("2"))).jobs), QList<qint64> { amo });
    }

    void laterDisabledAndRemovedConnections()
    {
        const qint64 amo = addConnection(QStringLiteral("amo"));
        QCOMPARE(connectionsOf(append(orderCreated(QStringLiteral("1"))).jobs), QList<qint64> { amo });
        // Added later: only new events, none of the history.
        QTest::qWait(5);
        const qint64 retail = addConnection(QStringLiteral("retail"), QStringLiteral("retailcrm"));
        QCOMPARE(OutboxFanOut(m_test->db()).addressWaiting().value(), 0);
        QVERIFY(leasedBy(retail).isEmpty());
        QCOMPARE(connectionsOf(append(orderCreated(QStringLiteral("2"))).jobs),
                 (QList<qint64> { amo, retail }));

        // Disabled: nothing new.
        Connection off = ConnectionRepo(m_test->db()).byId(amo).value();
        off.config.insert(QStringLiteral("enabled"), false);
        QVERIFY_OK(ConnectionRepo(m_test->db()).update(off));
        QCOMPARE(connectionsOf(append(orderCreated(QStringLiteral("3"))).jobs), QList<qint64> { retail });

        // Removed: what was still queued for it is cancelled, with the reason.
        QVERIFY_OK(ConnectionRepo(m_test->db()).remove(amo));
        JobQuery query;
        query.states = { JobState::Cancelled };
        const QList<Job> cancelled = JobRepo(m_test->db()).search(query).value();
        QCOMPARE(cancelled.size(), 2);
        QCOMPARE(cancelled[0].lastError, QStringLiteral("The CRM connection was removed"));
        QCOMPARE(leasedBy(retail).size(), 2);
    }

    void jobsWithoutAConnectionGetTheirsBeforeALease()
    {
        // Stored while no CRM was connected: it waits, then goes to every connection there is.
        const OutboxFanOut::Appended waiting = append(orderCreated(QStringLiteral("1")));
        QCOMPARE(connectionsOf(waiting.jobs), QList<qint64> { 0 });
        QCOMPARE(waiting.jobs[0].idempotencyKey, QStringLiteral("order:shop:1:created"));
        QVERIFY(!append(orderCreated(QStringLiteral("1"))).created);
        QTest::qWait(5);
        const qint64 amo = addConnection(QStringLiteral("amo"));
        const qint64 retail = addConnection(QStringLiteral("retail"), QStringLiteral("retailcrm"));
        QVERIFY(leasedBy(amo).isEmpty()); // a lane never claims a job without a connection
        QCOMPARE(OutboxFanOut(m_test->db()).addressWaiting().value(), 1);
        QCOMPARE(OutboxFanOut(m_test->db()).addressWaiting().value(), 0);
        const QList<Job> jobs
            = JobRepo(m_test->db()).findByEvent(QStringLiteral("order:shop:1:created")).value();
        QCOMPARE(connectionsOf(jobs), (QList<qint64> { amo, retail }));
        QCOMPARE(jobs[0].id, waiting.jobs[0].id); // the stored job itself went to the first
        QCOMPARE(jobs[1].idempotencyKey, QStringLiteral("order:shop:1:created@%1").arg(retail));
        QCOMPARE(jobs[1].payload, jobs[0].payload);

        // Queued by an older version when only amoCRM was connected: amoCRM alone gets it.
        QTest::qWait(5);
        const qint64 late = addConnection(QStringLiteral("late"));
        QVERIFY_OK(Storage::Sql::exec(
            *m_test->db(),
            QStringLiteral("UPDATE connections SET created_at = created_at + 60000 WHERE id = ?"),
            { retail }));
        NewJob legacy;
        legacy.kind = QStringLiteral("order.created");
        legacy.source = QStringLiteral("shop");
        legacy.sourceRef = QStringLiteral("2");
        legacy.idempotencyKey = QStringLiteral("order:shop:2:created");
        QVERIFY_OK(JobRepo(m_test->db()).enqueue(legacy));
        QVERIFY_OK(Storage::Sql::exec(
            *m_test->db(), QStringLiteral("UPDATE jobs SET created_at = ? WHERE idempotency_key = ?"),
            { ConnectionRepo(m_test->db()).byId(amo)->createdAt + 1, legacy.idempotencyKey }));
        QCOMPARE(OutboxFanOut(m_test->db()).addressWaiting().value(), 1);
        QCOMPARE(connectionsOf(JobRepo(m_test->db()).findByEvent(legacy.idempotencyKey).value()),
                 QList<qint64> { amo });
        Q_UNUSED(late);
    }
};

QTEST_GUILESS_MAIN(TestOutboxFanOut)
#include "tst_OutboxFanOut.moc"
