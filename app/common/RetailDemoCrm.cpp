// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetailDemoCrm.h"

#include "crm/retailcrm/RetailCrmConnector.h"
#include "retailcrm/RetailCrmSandbox.h"
#include "store/EntityLinkRepo.h"

#include <QJsonArray>

namespace App {

using Common::Error;
using Common::Result;
using Common::Status;

namespace {

struct Code
{
    const char *shopId;
    const char *shopName;
    const char *code;
};

// The demo shop's statuses, deliveries and payments (DemoShopGenerator) and the sandbox's codes for them.
constexpr Code kStatuses[] = { { "1", "Новый", "new" },
                               { "2", "Оплачен", "client-confirmed" },
                               { "3", "Отправлен", "send-to-delivery" },
                               { "4", "Отменён", "cancel-other" } };
constexpr Code kDeliveries[] = { { "1", "Самовывоз", "self-delivery" },
                                 { "2", "Курьером по городу", "courier" },
                                 { "3", "Почта России", "russian-post" },
                                 { "4", "СДЭК до пункта выдачи", "sdek" } };
constexpr Code kPayments[] = { { "1", "Оплата наличными", "cash" },
                               { "2", "Картой онлайн", "bank-card" },
                               { "3", "Счёт для юрлиц", "bank-transfer" } };
const char *const kPaidStatus = "2";
const char *const kManagerStage = "send-to-delivery";

template<size_t N> QList<Mapping::CodeRow> codeRows(const Code (&codes)[N])
{
    QList<Mapping::CodeRow> rows;
    for (const Code &c : codes)
        rows.append({ QLatin1String(c.shopId), QString::fromUtf8(c.shopName), QLatin1String(c.code) });
    return rows;
}

/** What the sandbox's demo account lacks for the demo shop: СДЭК, and payment by invoice (by post). */
QJsonObject dictionaryAdditions(const QString &site)
{
    const QJsonArray sites { site };
    const QJsonArray paymentStatuses { QStringLiteral("not-paid"), QStringLiteral("paid"),
                                       QStringLiteral("fail") };
    auto delivery = [&](const char *code, const char *name, double cost, int ordering) {
        return QJsonObject { { "code", QLatin1String(code) },
                             { "name", QString::fromUtf8(name) },
                             { "active", true },
                             { "ordering", ordering },
                             { "defaultCost", cost },
                             { "defaultNetCost", 0 },
                             { "paymentTypes", QJsonArray { "bank-card", "bank-transfer" } },
                             { "sites", sites } };
    };
    const QJsonObject transfer { { "code", "bank-transfer" },
                                 { "name", QStringLiteral("Безналичный расчёт") },
                                 { "active", true },
                                 { "ordering", 30 },
                                 { "defaultForCrm", false },
                                 { "defaultForApi", false },
                                 { "deliveryTypes", QJsonArray { "russian-post", "sdek" } },
                                 { "paymentStatuses", paymentStatuses },
                                 { "sites", sites } };
    // Russian Post is given again, now also taking an invoice.
    return { { "delivery_types",
               QJsonArray { delivery("russian-post", "Почта России", 350, 30),
                            delivery("sdek", "СДЭК", 250, 40) } },
             { "payment_types", QJsonArray { transfer } } };
}

} // namespace

RetailDemoCrm::RetailDemoCrm(QNetworkAccessManager *network, double rate)
    : DemoCrm(network, rate, 10) // RetailCRM's limit per API key
{ }

RetailDemoCrm::~RetailDemoCrm() = default;

Status RetailDemoCrm::startSandbox()
{
    Sandbox::RetailCrm::RetailSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.rate = rate();
    m_sandbox = std::make_unique<Sandbox::RetailCrm::RetailCrmSandbox>(options);
    QString error;
    if (!m_sandbox->start(&error))
        return Error::unavailable(QStringLiteral("The sandbox CRM cannot start: %1").arg(error));
    return {};
}

QUrl RetailDemoCrm::sandboxUrl() const
{
    return m_sandbox ? m_sandbox->baseUrl() : QUrl();
}

Store::Connection RetailDemoCrm::connection() const
{
    Store::Connection connection;
    connection.name = QStringLiteral("demo-retailcrm");
    connection.crm = QStringLiteral("retailcrm");
    connection.baseUrl = m_sandbox->baseUrl().toString();
    connection.config = QJsonObject { { QStringLiteral("site"), m_sandbox->site() },
                                      { QStringLiteral("rate_limit"), rate() > 0 ? rate() : 1000 } };
    connection.state = QStringLiteral("new");
    return connection;
}

std::pair<QString, QByteArray> RetailDemoCrm::secret() const
{
    return { Crm::RetailCrm::RetailSecretNames::apiKey(), m_sandbox->apiKey().toUtf8() };
}

void RetailDemoCrm::signIn(const DemoTarget &target, std::function<void(Status)> done)
{
    // The key needs no sign-in; the account's administrator adds the shop's deliveries and payments.
    control(QStringLiteral("seed"), dictionaryAdditions(m_sandbox->site()),
            [target, done = std::move(done)](Result<QJsonObject> added) {
                if (!added)
                    return done(added.error());
                (void)Store::ConnectionRepo(target.store)
                    .setState(target.connection.id, QStringLiteral("signed-in"));
                done({});
            });
}

Mapping::MappingSet RetailDemoCrm::mapping(const Crm::CrmSchema &schema, const Mapping::CategoryTree &) const
{
    Mapping::MappingSet set = Mapping::MappingSet::defaults(schema);
    // A RetailCRM order carries its number, delivery, payment, address, comment and weight itself: the
    // custom fields the defaults offer to create for them (switched off) are left out of the demo.
    auto offeredOnly = [](const Mapping::FieldRow &row) {
        return !row.active && row.target.kind == Mapping::FieldTarget::Kind::CustomField
            && row.target.fieldId.isEmpty();
    };
    set.orders.rows.removeIf(offeredOnly);
    set.forms.rows.removeIf(offeredOnly);
    set.codes.delivery = codeRows(kDeliveries);
    set.codes.payment = codeRows(kPayments);
    set.codes.paidStatuses = { QLatin1String(kPaidStatus) };
    if (schema.pipelines.isEmpty())
        return set;
    const Crm::Pipeline &pipeline = schema.pipelines.first(); // RetailCRM: the site's statuses
    for (const Code &status : kStatuses) {
        const bool known
            = std::any_of(pipeline.stages.cbegin(), pipeline.stages.cend(),
                          [&](const Crm::Stage &s) { return s.id == QLatin1String(status.code); });
        if (!known)
            continue;
        Mapping::StatusRow row;
        row.id = QStringLiteral("demo-%1").arg(QLatin1String(status.shopId));
        row.shopStatusId = QLatin1String(status.shopId);
        row.shopStatusName = QString::fromUtf8(status.shopName);
        row.pipelineId = pipeline.id;
        row.stageId = QLatin1String(status.code);
        set.statuses.rows.append(row);
    }
    return set;
}

std::optional<Engine::BackSyncSetup::Request> RetailDemoCrm::backSync() const
{
    Engine::BackSyncSetup::Request request;
    request.mode = Store::BackSyncConfig::Mode::Polling;
    request.pollMs = 5'000; // a demo shows a manager's change within seconds; 30 s in real use
    return request;
}

void RetailDemoCrm::fetchSummary(std::function<void(Result<CrmSummary>)> done)
{
    control(QStringLiteral("state"), std::nullopt, [done = std::move(done)](Result<QJsonObject> state) {
        if (!state)
            return done(state.error());
        CrmSummary summary;
        summary.deals = int(state->value(QLatin1String("orders")).toArray().size());
        summary.contacts = int(state->value(QLatin1String("customers")).toArray().size());
        done(summary);
    });
}

QString RetailDemoCrm::describe(const CrmSummary &summary) const
{
    return QStringLiteral("%1 orders and %2 customers").arg(summary.deals).arg(summary.contacts);
}

void RetailDemoCrm::actAsManager(const DemoTarget &target, const QList<qint64> &newOrders,
                                 std::function<void(QString)> done)
{
    // The newest order that is in the CRM and still new in the shop: the manager hands it to delivery.
    Store::EntityLinkRepo links(target.store);
    qint64 id = 0;
    for (qint64 shopId : newOrders) {
        // The engine links each CRM's deal as a "lead" (here a RetailCRM order).
        auto crmId
            = links.crmIdFor(target.connection.id, QStringLiteral("order"),
                             Store::EntityLinkRepo::scopedSourceId(target.source, QString::number(shopId)),
                             QStringLiteral("lead"));
        if (crmId && crmId->has_value() && !m_handedOver.contains(crmId->value().toLongLong())) {
            id = crmId->value().toLongLong();
            break;
        }
    }
    if (id <= 0)
        return done({});
    // Until back-sync brings it to the shop it is still new there: not twice.
    m_handedOver.insert(id);
    control(QStringLiteral("manager/order-status"),
            QJsonObject { { "id", id }, { "status", QLatin1String(kManagerStage) } },
            [done = std::move(done)](Result<QJsonObject> moved) {
                if (!moved)
                    return done({});
                const QJsonObject order = moved->value(QLatin1String("order")).toObject();
                done(QStringLiteral("a manager sent order %1 to delivery in RetailCRM")
                         .arg(order.value(QLatin1String("number")).toString()));
            });
}

} // namespace App
