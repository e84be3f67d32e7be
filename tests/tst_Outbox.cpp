// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox in the store, on SQLite and PostgreSQL: a source's read (events and marks) is taken in one
// go; our own status writes do not echo; a save that changes nothing sends nothing; a shop event
// becomes one job per target CRM connection, exactly once; a source may name its targets; a
// connection added later gets only new events, a disabled one none, a removed one's queue is
// cancelled; jobs stored without a connection (while no CRM was connected) get theirs when one comes.
#include "DialectSuite.h"
#include "TestEnv.h"
#include "model/ShopEvent.h"
#include "model/StatusChange.h"
#include "source/SourceRepo.h"
#include "storage/Sql.h"
#include "store/ConnectionRepo.h"
#include "store/EchoGuardRepo.h"
#include "store/Outbox.h"

#include <QTest>

using namespace Store;

class TestOutbox : public TestSupport::DialectSuite
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

    Outbox::Appended append(const Model::ShopEvent &event)
    {
        Outbox outbox(m_test->db());
        auto appended = outbox.append(event);
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

    static Model::ShopEvent saved(Model::ShopEvent::Kind kind, const QString &id, const QString &hash)
    {
        Model::ShopEvent event;
        event.kind = kind;
        event.source = QStringLiteral("shop");
        event.entityId = id;
        event.payload = QJsonObject { { "id", id }, { "state", hash } };
        event.contentHash = hash;
        return event;
    }
    QStringList keys(const QString &kind)
    {
        JobQuery query;
        query.limit = 100;
        QStringList keys;
        for (const Job &job : JobRepo(m_test->db()).search(query).value()) {
            if (job.kind == kind)
                keys << job.idempotencyKey;
        }
        keys.sort();
        return keys;
    }

private Q_SLOTS:
    void aReadIsTakenWithItsMarks()
    {
        const qint64 amo = addConnection(QStringLiteral("amo"));
        Outbox outbox(m_test->db());
        QVERIFY(outbox.marks(QStringLiteral("shop"))->isEmpty());
        // A read that found nothing writes nothing.
        const auto nothing = outbox.take(QStringLiteral("shop"), {});
        QVERIFY_OK(nothing);
        QCOMPARE(nothing->events, 0);
        QVERIFY(outbox.marks(QStringLiteral("shop"))->isEmpty());

        const auto taken = outbox.take(
            QStringLiteral("shop"), { orderCreated(QStringLiteral("1")), orderCreated(QStringLiteral("2")) },
            { { QStringLiteral("orders"), QStringLiteral("2") },
              { QStringLiteral("order_logs"), QStringLiteral("40") } });
        QVERIFY_OK(taken);
        QCOMPARE(taken->events, 2);
        QCOMPARE(taken->jobs, 2);
        const Outbox::Marks marks { { QStringLiteral("orders"), QStringLiteral("2") },
                                    { QStringLiteral("order_logs"), QStringLiteral("40") } };
        QCOMPARE(outbox.marks(QStringLiteral("shop")).value(), marks);
        QCOMPARE(keys(QStringLiteral("order.created")),
                 (QStringList { QStringLiteral("order:shop:1:created@%1").arg(amo),
                                QStringLiteral("order:shop:2:created@%1").arg(amo) }));

        // The same read again (the store lost nothing, the source was restarted from older marks).
        const auto again = outbox.take(QStringLiteral("shop"), { orderCreated(QStringLiteral("2")) },
                                       { { QStringLiteral("orders"), QStringLiteral("3") } });
        QCOMPARE(again->repeated, 1);
        QCOMPARE(again->jobs, 0);
        QCOMPARE(outbox.marks(QStringLiteral("shop"))->value(QStringLiteral("orders")), QStringLiteral("3"));
    }

    void ourOwnStatusWritesDoNotEcho()
    {
        addConnection(QStringLiteral("amo"));
        Store::EchoGuardRepo echo(m_test->db());
        const qint64 mark
            = echo.expect(QStringLiteral("shop"), QStringLiteral("17"), QStringLiteral("3")).value();
        QVERIFY_OK(echo.attach(mark, QStringLiteral("501")));
        auto statusChange = [](const QString &logId, const QString &to) {
            Model::StatusChange change;
            change.orderId = QStringLiteral("17");
            change.fromStatus = QStringLiteral("1");
            change.toStatus = to;
            change.eventId = logId;
            Model::ShopEvent event;
            event.kind = Model::ShopEvent::Kind::OrderStatusChanged;
            event.source = QStringLiteral("shop");
            event.entityId = QStringLiteral("17");
            event.revision = logId;
            event.payload = change.toJson();
            return event;
        };
        const auto taken = Outbox(m_test->db())
                               .take(QStringLiteral("shop"),
                                     { statusChange(QStringLiteral("501"), QStringLiteral("3")),
                                       statusChange(QStringLiteral("502"), QStringLiteral("4")) });
        QVERIFY_OK(taken);
        QCOMPARE(taken->echoes, 1);
        QCOMPARE(taken->events, 1);
        QCOMPARE(keys(QStringLiteral("order.status")).size(), 1);
        QVERIFY(keys(QStringLiteral("order.status"))
                    .first()
                    .startsWith(QLatin1String("order:shop:17:status:502@")));
    }

    void aSaveThatChangesNothingSendsNothing()
    {
        addConnection(QStringLiteral("amo"));
        Outbox outbox(m_test->db());
        using Kind = Model::ShopEvent::Kind;
        auto take = [&](const Model::ShopEvent &event) {
            return outbox.take(QStringLiteral("shop"), { event }).value();
        };
        QCOMPARE(take(saved(Kind::OrderCreated, QStringLiteral("17"), QStringLiteral("A"))).events, 1);
        // The manager pressed "save" without changing anything.
        QCOMPARE(take(saved(Kind::OrderChanged, QStringLiteral("17"), QStringLiteral("A"))).unchanged, 1);
        // A real change, then back again: two changes, each with its own revision.
        QCOMPARE(take(saved(Kind::OrderChanged, QStringLiteral("17"), QStringLiteral("B"))).events, 1);
        QCOMPARE(take(saved(Kind::OrderChanged, QStringLiteral("17"), QStringLiteral("A"))).events, 1);
        QCOMPARE(take(saved(Kind::OrderChanged, QStringLiteral("17"), QStringLiteral("A"))).unchanged, 1);
        const QStringList changes = keys(QStringLiteral("order.changed"));
        QCOMPARE(changes.size(), 2);
        QVERIFY(changes[0].startsWith(QLatin1String("order:shop:17:changed:1@")));
        QVERIFY(changes[1].startsWith(QLatin1String("order:shop:17:changed:2@")));

        // A profile first only learnt (a source started on a live shop), then saved.
        Model::ShopEvent profile = saved(Kind::CustomerSaved, QStringLiteral("5"), QStringLiteral("X"));
        profile.baseline = true;
        QCOMPARE(take(profile).baselined, 1);
        QCOMPARE(take(saved(Kind::CustomerSaved, QStringLiteral("5"), QStringLiteral("X"))).unchanged, 1);
        QCOMPARE(take(saved(Kind::CustomerSaved, QStringLiteral("5"), QStringLiteral("Y"))).events, 1);
        QCOMPARE(keys(QStringLiteral("customer.saved")).size(), 1);
        QVERIFY(
            keys(QStringLiteral("customer.saved")).first().startsWith(QLatin1String("customer:shop:5:1@")));
        // Another source's entity of the same id is another entity.
        Model::ShopEvent other = saved(Kind::CustomerSaved, QStringLiteral("5"), QStringLiteral("Y"));
        other.source = QStringLiteral("other");
        QCOMPARE(outbox.take(QStringLiteral("other"), { other })->events, 1);
    }

    /** Whether an event is stored already is answered by the unique index, never by a scan. */
    void lookingUpAnEventUsesTheIndex()
    {
        if (m_test->db()->isPostgres())
            QSKIP("the query plan is checked on SQLite");
        auto plan = Storage::Sql::exec(*m_test->db(),
                                       QStringLiteral("EXPLAIN QUERY PLAN SELECT idempotency_key FROM jobs"
                                                      " WHERE idempotency_key IN (?, ?, ?)"),
                                       { QStringLiteral("a"), QStringLiteral("a@1"), QStringLiteral("a@2") });
        QVERIFY_OK(plan);
        QString details;
        while (plan->next())
            details += plan->value(3).toString() + QLatin1Char('\n');
        QVERIFY2(details.contains(QLatin1String("INDEX")), qPrintable(details));
        QVERIFY2(!details.contains(QLatin1String("SCAN jobs")), qPrintable(details));
    }

    void anEventBecomesOneJobPerConnectionOnce()
    {
        const qint64 amo = addConnection(QStringLiteral("amo"));
        const qint64 retail = addConnection(QStringLiteral("retail"), QStringLiteral("retailcrm"));
        const Outbox::Appended first = append(orderCreated(QStringLiteral("17")));
        QVERIFY(first.created);
        QCOMPARE(connectionsOf(first.jobs), (QList<qint64> { amo, retail }));
        QCOMPARE(first.jobs[0].idempotencyKey, QStringLiteral("order:shop:17:created@%1").arg(amo));
        QCOMPARE(first.jobs[1].idempotencyKey, QStringLiteral("order:shop:17:created@%1").arg(retail));
        QCOMPARE(first.jobs[1].reference, QStringLiteral("2311/17"));

        // The same happening again (a re-poll, a retried form post, a file imported twice): nothing new.
        const Outbox::Appended again = append(orderCreated(QStringLiteral("17")));
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
        Outbox outbox(m_test->db());
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
        QCOMPARE(Outbox(m_test->db()).addressWaiting().value(), 0);
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
        const Outbox::Appended waiting = append(orderCreated(QStringLiteral("1")));
        QCOMPARE(connectionsOf(waiting.jobs), QList<qint64> { 0 });
        QCOMPARE(waiting.jobs[0].idempotencyKey, QStringLiteral("order:shop:1:created"));
        QVERIFY(!append(orderCreated(QStringLiteral("1"))).created);
        QTest::qWait(5);
        const qint64 amo = addConnection(QStringLiteral("amo"));
        const qint64 retail = addConnection(QStringLiteral("retail"), QStringLiteral("retailcrm"));
        QVERIFY(leasedBy(amo).isEmpty()); // a lane never claims a job without a connection
        QCOMPARE(Outbox(m_test->db()).addressWaiting().value(), 1);
        QCOMPARE(Outbox(m_test->db()).addressWaiting().value(), 0);
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
        QCOMPARE(Outbox(m_test->db()).addressWaiting().value(), 1);
        QCOMPARE(connectionsOf(JobRepo(m_test->db()).findByEvent(legacy.idempotencyKey).value()),
                 QList<qint64> { amo });
        Q_UNUSED(late);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_Outbox.moc"
