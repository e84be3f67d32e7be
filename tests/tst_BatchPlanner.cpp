// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/BatchPlanner.h"

#include <QTest>

using namespace Engine;

namespace {
CreateCandidate person(qint64 jobId, const QString &phone, const QString &email = {})
{
    CreateCandidate c;
    c.jobId = jobId;
    if (!phone.isEmpty())
        c.draft.contact.phones.append({ phone, QStringLiteral("MOB") });
    if (!email.isEmpty())
        c.draft.contact.emails.append({ email, QStringLiteral("WORK") });
    BatchPlanner::channelsOf(c.draft, QStringLiteral("RU"), &c.phones, &c.emails);
    return c;
}
} // namespace

class TestBatchPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void channelsAreNormalised()
    {
        const CreateCandidate c
            = person(1, QStringLiteral("8 (912) 345-67-89"), QStringLiteral(" Ivan@Example.RU "));
        QCOMPARE(c.phones, QStringList { QStringLiteral("+79123456789") });
        QCOMPARE(c.emails, QStringList { QStringLiteral("ivan@example.ru") });
    }

    void knownPeopleLinkTheirContact()
    {
        const QList<CreateCandidate> batch { person(1, QStringLiteral("+7 912 345 67 89")),
                                             person(2, QStringLiteral("89990001122")) };
        auto plan = BatchPlanner::plan(batch, [](const QStringList &phones, const QStringList &) {
            return Common::Result<std::optional<QString>>(phones.contains(QStringLiteral("+79123456789"))
                                                              ? std::optional<QString>(QStringLiteral("501"))
                                                              : std::nullopt);
        });
        QVERIFY(plan.ok());
        QCOMPARE(plan->creates.size(), 2);
        QCOMPARE(plan->creates[0].existingContactId, QStringLiteral("501"));
        QVERIFY(plan->creates[1].existingContactId.isEmpty());
        QVERIFY(plan->deferred.isEmpty());
    }

    /** "+7 …", "8 …" and "7…" are one new person: created once, the other orders wait a round. */
    void aNewPersonTwiceInOneBatchIsCreatedOnce()
    {
        const QList<CreateCandidate> batch {
            person(1, QStringLiteral("+7 912 000 00 01")), person(2, QStringLiteral("8 (912) 000-00-01")),
            person(3, QStringLiteral("79120000001")),
            person(4, QString(), QStringLiteral("other@example.ru")),
            person(5, QStringLiteral("89995554433"), QStringLiteral("OTHER@example.ru"))
        };
        auto plan = BatchPlanner::plan(batch, [](const QStringList &, const QStringList &) {
            return Common::Result<std::optional<QString>>(std::nullopt);
        });
        QVERIFY(plan.ok());
        QCOMPARE(plan->creates.size(), 2);
        QCOMPARE(plan->creates[0].candidate.jobId, qint64(1));
        QCOMPARE(plan->creates[1].candidate.jobId, qint64(4));
        QCOMPARE(plan->deferred, (QList<qint64> { 2, 3, 5 })); // 5 shares 4's email
    }

    void lookupErrorsStopThePlan()
    {
        auto plan = BatchPlanner::plan({ person(1, QStringLiteral("89120000001")) },
                                       [](const QStringList &, const QStringList &) {
                                           return Common::Result<std::optional<QString>>(
                                               Common::Error::unavailable(QStringLiteral("db down")));
                                       });
        QVERIFY(!plan.ok());
    }
};

QTEST_GUILESS_MAIN(TestBatchPlanner)
#include "tst_BatchPlanner.moc"
