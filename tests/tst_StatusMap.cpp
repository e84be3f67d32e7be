// SPDX-License-Identifier: GPL-3.0-or-later
#include "mapping/StatusMap.h"
#include "mapping/StatusProposal.h"

#include <QJsonDocument>
#include <QTest>

using namespace Mapping;
using namespace Model;
using Direction = StatusRow::Direction;

Q_DECLARE_METATYPE(Mapping::StatusRow)

namespace {

StatusRow row(const QString &id, const QString &status, const QString &pipeline, const QString &stage,
              Direction direction = Direction::Both)
{
    return { id, status, {}, pipeline, stage, direction };
}

/** miniShop2's stock statuses on the retail pipeline: 1 new, 2 paid, 3 sent (won), 4 cancelled (lost), 999
 * draft. */
StatusMap stock()
{
    StatusMap map;
    map.rows = { row("s1", "1", "7001", "70011"),
                 row("s2", "2", "7001", "70012"),
                 row("s3", "3", "7001", "142"),
                 row("s4", "4", "7001", "143"),
                 row("s5", "999", {}, {}, Direction::DontSend),
                 row("s6", "1", "7002", "70021", Direction::ToCrm) };
    return map;
}

QStringList codes(const QList<Problem> &problems)
{
    QStringList list;
    for (const Problem &p : problems)
        list << p.rowId + QLatin1Char(':') + p.code;
    return list;
}

} // namespace

/** Shop statuses ↔ stages: lookups both ways, unmapped rules, and the 1:1 validation. */
class TestStatusMap : public QObject
{
    Q_OBJECT

private slots:
    void stockIsValid() { QCOMPARE(codes(stock().validate()), QStringList()); }

    void stageForShopStatus_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("pipeline");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("expectedPipeline");
        QTest::addColumn<QString>("expectedStage");
        QTest::addColumn<QString>("rowId");
        const int set = int(StageDecision::Action::SetStage);
        const int leave = int(StageDecision::Action::LeaveStage);
        const int dontSend = int(StageDecision::Action::DontSend);
        QTest::newRow("new, no pipeline yet") << "1"
                                              << "" << set << "7001"
                                              << "70011"
                                              << "s1";
        QTest::newRow("new in retail") << "1"
                                       << "7001" << set << "7001"
                                       << "70011"
                                       << "s1";
        QTest::newRow("new in wholesale has its own row") << "1"
                                                          << "7002" << set << "7002"
                                                          << "70021"
                                                          << "s6";
        QTest::newRow("paid in retail") << "2"
                                        << "7001" << set << "7001"
                                        << "70012"
                                        << "s2";
        QTest::newRow("paid in wholesale is not mapped there") << "2"
                                                               << "7002" << leave << ""
                                                               << ""
                                                               << "";
        QTest::newRow("sent is won in any pipeline") << "3"
                                                     << "7003" << set << "7003"
                                                     << "142"
                                                     << "s3";
        QTest::newRow("cancelled is lost in wholesale") << "4"
                                                        << "7002" << set << "7002"
                                                        << "143"
                                                        << "s4";
        QTest::newRow("draft is not sent") << "999"
                                           << "7001" << dontSend << ""
                                           << ""
                                           << "s5";
        QTest::newRow("unknown status left alone") << "17"
                                                   << "7001" << leave << ""
                                                   << ""
                                                   << "";
    }

    void stageForShopStatus()
    {
        QFETCH(QString, status);
        QFETCH(QString, pipeline);
        QFETCH(int, action);
        QFETCH(QString, expectedPipeline);
        QFETCH(QString, expectedStage);
        QFETCH(QString, rowId);
        const StageDecision d = stock().stageForShopStatus(status, pipeline);
        QCOMPARE(int(d.action), action);
        QCOMPARE(d.pipelineId, expectedPipeline);
        QCOMPARE(d.stageId, expectedStage);
        QCOMPARE(d.rowId, rowId);
        QVERIFY(!d.explanation.isEmpty());
    }

    void unmappedToCrmDefault()
    {
        StatusMap map = stock();
        map.unmappedToCrm = StatusMap::UnmappedToCrm::DefaultStage;
        map.defaultPipelineId = QStringLiteral("7001");
        map.defaultStageId = QStringLiteral("70013");
        const StageDecision d = map.stageForShopStatus(QStringLiteral("17"), QStringLiteral("7001"));
        QCOMPARE(d.action, StageDecision::Action::SetStage);
        QCOMPARE(d.stageId, QStringLiteral("70013"));
        QCOMPARE(
            d.explanation,
            QStringLiteral("Shop status 17 is not mapped: the default stage 70013 in pipeline 7001 is used"));
    }

    void shopStatusForStage_data()
    {
        QTest::addColumn<bool>("defaultStatus");
        QTest::addColumn<QString>("pipeline");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("expected"); // empty: ignored
        QTest::newRow("paid comes back") << false << "7001"
                                         << "70012"
                                         << "2";
        QTest::newRow("won in another pipeline is sent") << false << "7002"
                                                         << "142"
                                                         << "3";
        QTest::newRow("lost anywhere is cancelled") << false << "7003"
                                                    << "143"
                                                    << "4";
        QTest::newRow("to-crm-only row does not come back") << false << "7002"
                                                            << "70021"
                                                            << "";
        QTest::newRow("unmapped stage ignored") << false << "7001"
                                                << "70013"
                                                << "";
        QTest::newRow("unmapped stage default") << true << "7001"
                                                << "70013"
                                                << "1";
        QTest::newRow("stage of the wrong pipeline") << false << "7002"
                                                     << "70012"
                                                     << "";
    }

    void shopStatusForStage()
    {
        QFETCH(bool, defaultStatus);
        QFETCH(QString, pipeline);
        QFETCH(QString, stage);
        QFETCH(QString, expected);
        StatusMap map = stock();
        if (defaultStatus) {
            map.unmappedFromCrm = StatusMap::UnmappedFromCrm::DefaultStatus;
            map.defaultShopStatusId = QStringLiteral("1");
        }
        const ShopStatusDecision d = map.shopStatusForStage(pipeline, stage);
        QCOMPARE(d.action,
                 expected.isEmpty() ? ShopStatusDecision::Action::Ignore
                                    : ShopStatusDecision::Action::SetStatus);
        QCOMPARE(d.shopStatusId, expected);
        QVERIFY(!d.explanation.isEmpty());
    }

    void validation_data()
    {
        QTest::addColumn<QList<StatusRow>>("rows");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one status, two stages in one pipeline")
            << QList<StatusRow> { row("a", "1", "7001", "70011"),
                                  row("b", "1", "7001", "70012", Direction::ToCrm) }
            << QStringList { "b:status-conflict" };
        QTest::newRow("one status, the same stage twice is harmless")
            << QList<StatusRow> { row("a", "1", "7001", "70011"),
                                  row("b", "1", "7001", "70011", Direction::ToCrm) }
            << QStringList();
        QTest::newRow("one status, stages in two pipelines")
            << QList<StatusRow> { row("a", "1", "7001", "70011"), row("b", "1", "7002", "70021") }
            << QStringList();
        QTest::newRow("a stage coming back as two statuses")
            << QList<StatusRow> { row("a", "3", "7001", "142"),
                                  row("b", "5", "7001", "142", Direction::FromCrm) }
            << QStringList { "b:status-conflict" };
        QTest::newRow("a stage sent by two statuses but coming back once")
            << QList<StatusRow> { row("a", "3", "7001", "142"),
                                  row("b", "5", "7001", "142", Direction::ToCrm) }
            << QStringList();
        QTest::newRow("sent and not sent")
            << QList<StatusRow> { row("a", "1", "7001", "70011"), row("b", "1", {}, {}, Direction::DontSend) }
            << QStringList { "b:status-conflict" };
        QTest::newRow("incomplete rows")
            << QList<StatusRow> { row("a", "", "7001", "70011"), row("b", "2", "7001", "") }
            << QStringList { "a:row-incomplete", "b:row-incomplete" };
        QTest::newRow("duplicate ids")
            << QList<StatusRow> { row("a", "1", "7001", "70011"), row("a", "2", "7001", "70012") }
            << QStringList { "a:duplicate-row" };
    }

    void validation()
    {
        QFETCH(QList<StatusRow>, rows);
        QFETCH(QStringList, expected);
        StatusMap map;
        map.rows = rows;
        QCOMPARE(codes(map.validate()), expected);
    }

    void unmappedRulesNeedTheirDefaults()
    {
        StatusMap map;
        map.unmappedToCrm = StatusMap::UnmappedToCrm::DefaultStage;
        map.unmappedFromCrm = StatusMap::UnmappedFromCrm::DefaultStatus;
        QCOMPARE(codes(map.validate()), (QStringList { ":unmapped-rule", ":unmapped-rule" }));
    }

    void jsonRoundTrip()
    {
        StatusMap map = stock();
        map.unmappedToCrm = StatusMap::UnmappedToCrm::DefaultStage;
        map.defaultPipelineId = QStringLiteral("7001");
        map.defaultStageId = QStringLiteral("70011");
        map.unmappedFromCrm = StatusMap::UnmappedFromCrm::DefaultStatus;
        map.defaultShopStatusId = QStringLiteral("1");
        map.rows[0].shopStatusName = QStringLiteral("Новый");
        const auto back
            = StatusMap::fromJson(QJsonDocument::fromJson(QJsonDocument(map.toJson()).toJson()).object());
        QVERIFY(back);
        QCOMPARE(back.value(), map);
        QVERIFY(!StatusMap::fromJson(
            QJsonDocument::fromJson(R"({"rows":[{"id":"a","direction":"sideways"}]})").object()));
        QVERIFY(!StatusMap::fromJson(
            QJsonDocument::fromJson(R"({"unmapped_to_crm":{"action":"guess"}})").object()));
    }

    /** A new connection's rows by name: the first stage, won, lost, the same name; one-to-one kept. */
    void proposalMatchesNames()
    {
        Crm::CrmSchema schema;
        Crm::Pipeline other { "8001", QStringLiteral("Заявки"), 2, false, {} };
        other.stages = { { "80011", QStringLiteral("Новая заявка"), {}, 1, Crm::StageKind::Normal } };
        Crm::Pipeline orders { "7001", QStringLiteral("Заказы"), 1, true, {} };
        orders.stages
            = { { "70010", QStringLiteral("Неразобранное"), {}, 0, Crm::StageKind::Unsorted },
                { "70011", QStringLiteral("Первичный контакт"), {}, 1, Crm::StageKind::Normal },
                { "70012", QStringLiteral("Оплачен"), {}, 2, Crm::StageKind::Normal },
                { "142", QStringLiteral("Успешно реализовано"), {}, 9, Crm::StageKind::Won },
                { "143", QStringLiteral("Закрыто и не реализовано"), {}, 10, Crm::StageKind::Lost } };
        schema.pipelines = { other, orders };
        const QList<Mapping::StatusRow> rows
            = Mapping::StatusProposal::propose({ { "1", QStringLiteral("Новый") },
                                                 { "2", QStringLiteral("Оплачен") },
                                                 { "5", QStringLiteral("Выполнен") },
                                                 { "4", QStringLiteral("Отменён") },
                                                 { "6", QStringLiteral("Доставлен") },
                                                 { "999", QStringLiteral("Черновик") } },
                                               schema);
        QStringList got;
        for (const Mapping::StatusRow &row : rows)
            got << QStringLiteral("%1→%2:%3:%4")
                       .arg(row.shopStatusId, row.pipelineId, row.stageId,
                            Mapping::StatusRow::directionName(row.direction));
        // The main pipeline; «Доставлен» means won too, but 142 comes back as «Выполнен» already.
        QCOMPARE(got,
                 (QStringList { "1→7001:70011:both", "2→7001:70012:both", "5→7001:142:both",
                                "4→7001:143:both", "6→7001:142:to-crm" }));
        Mapping::StatusMap map;
        map.rows = rows;
        QVERIFY(map.validate(&schema).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStatusMap)
#include "tst_StatusMap.moc"
