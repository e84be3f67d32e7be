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
    const char *shopName; ///< how the name of the demo shop's status or method begins
    const char *code;
};

// The demo shops' statuses, deliveries and payments (miniShop2's DemoShopGenerator, Bitrix's
// BitrixDemoShop), by name, and the sandbox's codes for them.
constexpr Code kStatuses[] = { { "Новый", "new" },
                               { "Принят", "new" },
                               { "Оплачен", "client-confirmed" },
                               { "Отправлен", "send-to-delivery" },
                               { "Выполнен", "complete" },
                               { "Отменён", "cancel-other" } };
constexpr Code kDeliveries[] = { { "Самовывоз", "self-delivery" },
                                 { "Курьер", "courier" },
                                 { "Почта России", "russian-post" },
                                 { "СДЭК", "sdek" } };
constexpr Code kPayments[] = { { "Оплата наличными", "cash" },
                               { "Наличными", "cash" },
                               { "Картой онлайн", "bank-card" },
                               { "Банковской картой", "bank-card" },
                               { "Счёт для юр", "bank-transfer" } };
const char *const kPaidStatusName = "Оплачен";
const char *const kManagerStage = "send-to-delivery";

template<size_t N> QString codeOf(const Code (&codes)[N], const QString &name)
{
    for (const Code &c : codes) {
        if (name.startsWith(QString::fromUtf8(c.shopName)))
            return QLatin1String(c.code);
    }
    return {};
}

template<size_t N>
QList<Mapping::CodeRow> codeRows(const Code (&codes)[N], const QList<Source::ShopMethod> &methods)
{
    QList<Mapping::CodeRow> rows;
    for (const Source::ShopMethod &method : methods) {
        if (const QString code = codeOf(codes, method.name); !code.isEmpty())
            rows.append({ method.id, method.name, code });
    }
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

Mapping::MappingSet RetailDemoCrm::mapping(const Crm::CrmSchema &schema, const DemoShopFacts &shop) const
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
    set.codes.delivery = codeRows(kDeliveries, shop.deliveries);
    set.codes.payment = codeRows(kPayments, shop.payments);
    for (const Source::ShopStatus &status : shop.statuses) {
        if (status.name.startsWith(QString::fromUtf8(kPaidStatusName)))
            set.codes.paidStatuses << status.id;
    }
    if (schema.pipelines.isEmpty())
        return set;
    const Crm::Pipeline &pipeline = schema.pipelines.first(); // RetailCRM: the site's statuses
    for (const Source::ShopStatus &status : shop.statuses) {
        const QString code = codeOf(kStatuses, status.name);
        const bool known = std::any_of(pipeline.stages.cbegin(), pipeline.stages.cend(),
                                       [&](const Crm::Stage &s) { return s.id == code; });
        if (code.isEmpty() || !known)
            continue;
        Mapping::StatusRow row;
        row.id = QStringLiteral("demo-%1").arg(status.id);
        row.shopStatusId = status.id;
        row.shopStatusName = status.name;
        row.pipelineId = pipeline.id;
        row.stageId = code;
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
