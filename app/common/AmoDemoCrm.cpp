// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmoDemoCrm.h"

#include "amocrm/AmoCrmSandbox.h"
#include "crm/amocrm/AmoBrowserSignIn.h"
#include "mapping/StatusProposal.h"
#include "net/HttpClient.h"

#include <QJsonArray>

namespace App {

using Common::Error;
using Common::Result;
using Common::Status;

AmoDemoCrm::AmoDemoCrm(QNetworkAccessManager *network, double rate)
    : DemoCrm(network, rate, 7) // amoCRM's real limit
{ }

AmoDemoCrm::~AmoDemoCrm() = default;

Status AmoDemoCrm::startSandbox()
{
    Sandbox::AmoCrm::AmoSandboxOptions options;
    options.seed = QStringLiteral("demo");
    options.rate = rate();
    m_sandbox = std::make_unique<Sandbox::AmoCrm::AmoCrmSandbox>(options);
    QString error;
    if (!m_sandbox->start(&error))
        return Error::unavailable(QStringLiteral("The sandbox CRM cannot start: %1").arg(error));
    return {};
}

QUrl AmoDemoCrm::sandboxUrl() const
{
    return m_sandbox ? m_sandbox->baseUrl() : QUrl();
}

Store::Connection AmoDemoCrm::connection() const
{
    Store::Connection connection;
    connection.name = QStringLiteral("demo-amocrm");
    connection.crm = QStringLiteral("amocrm");
    connection.baseUrl = m_sandbox->baseUrl().toString();
    connection.config = QJsonObject { { QStringLiteral("client_id"), m_sandbox->clientId() },
                                      { QStringLiteral("redirect_uri"), m_sandbox->redirectUri() } };
    connection.state = QStringLiteral("new");
    return connection;
}

std::pair<QString, QByteArray> AmoDemoCrm::secret() const
{
    return { Crm::AmoCrm::AmoSecretNames::clientSecret(), m_sandbox->clientSecret().toUtf8() };
}

void AmoDemoCrm::signIn(const DemoTarget &target, std::function<void(Status)> done)
{
    control(QStringLiteral("auth-code"), QJsonObject(),
            [this, target, done = std::move(done)](Result<QJsonObject> code) {
                if (!code)
                    return done(code.error());
                submitCode(target, code.value(), done);
            });
}

void AmoDemoCrm::submitCode(const DemoTarget &target, const QJsonObject &code,
                            std::function<void(Status)> done)
{
    // The paste flow, with the code the sandbox hands out as amoCRM's integration page would.
    Net::HttpClient::Options options;
    options.account = QStringLiteral("amocrm:%1:%2").arg(m_sandbox->baseUrl().host()).arg(m_sandbox->port());
    options.limit.requestsPerSecond = rate() > 0 ? rate() : 1000;
    m_client = std::make_unique<Net::HttpClient>(network(), options);
    auto *signIn = new Crm::AmoCrm::AmoBrowserSignIn(m_client.get(), target.secrets, this);
    connect(signIn, &Crm::AmoCrm::AmoBrowserSignIn::finished, this,
            [target, signIn, done](const Result<Crm::AmoCrm::AmoTokenSet> &tokens) {
                signIn->deleteLater();
                if (!tokens)
                    return done(Error::unavailable(
                        QStringLiteral("Cannot sign in to the sandbox CRM: %1").arg(tokens.error().message)));
                (void)Store::ConnectionRepo(target.store)
                    .setState(target.connection.id, QStringLiteral("signed-in"));
                done({});
            });
    const Crm::AmoCrm::AmoBrowserSignIn::Config config { target.connection.id,
                                                         { m_sandbox->baseUrl(), m_sandbox->clientId(),
                                                           m_sandbox->redirectUri() },
                                                         m_sandbox->clientSecret() };
    const QString pasted = QStringLiteral("%1?code=%2&referer=%3")
                               .arg(m_sandbox->redirectUri(), code.value(QLatin1String("code")).toString(),
                                    code.value(QLatin1String("referer")).toString());
    if (auto submitted = signIn->submitPasted(config, pasted); !submitted) {
        signIn->deleteLater();
        done(submitted.error());
    }
}

Mapping::MappingSet AmoDemoCrm::mapping(const Crm::CrmSchema &schema, const DemoShopFacts &shop) const
{
    const Model::CategoryTree &categories = shop.categories;
    Mapping::MappingSet set = Mapping::MappingSet::defaults(schema);
    // The demo shop's statuses (the shop's own order statuses, drafts left out), proposed by name as the
    // Mapping page does for a new connection; «Отправлен» has no stage of its name, so it is mapped by
    // hand.
    QList<Mapping::NamedStatus> statuses;
    QString shipped;
    for (const Source::ShopStatus &status : shop.statuses) {
        if (status.name == QStringLiteral("Черновик"))
            continue;
        statuses.append({ status.id, status.name });
        if (status.name == QStringLiteral("Отправлен"))
            shipped = status.id;
    }
    set.statuses.rows = Mapping::StatusProposal::propose(statuses, schema);
    const Crm::Pipeline *orders = Mapping::StatusProposal::targetPipeline(schema);
    if (!orders)
        return set;
    for (const Crm::Stage &stage : orders->stages) {
        if (stage.name == QStringLiteral("Передан в доставку") && !shipped.isEmpty())
            set.statuses.rows.append({ QStringLiteral("p3"), shipped, QStringLiteral("Отправлен"), orders->id,
                                       stage.id, Mapping::StatusRow::Direction::Both });
    }
    // Shoes go to the other pipeline, to Igor: a rule on «Обувь» routes «Кроссовки» and «Ботинки» too.
    const Crm::Pipeline *other = nullptr;
    for (const Crm::Pipeline &pipeline : schema.pipelines) {
        if (pipeline.id != orders->id && !other)
            other = &pipeline;
    }
    QString igor;
    for (const Crm::CrmUser &user : schema.users) {
        if (user.name == QStringLiteral("Игорь Петров"))
            igor = user.id;
    }
    for (const Model::Category &category : categories.categories()) {
        if (other && category.name == QStringLiteral("Обувь"))
            set.routing.rules.append({ QStringLiteral("r1"), category.id, other->id, {}, igor, true });
    }
    return set;
}

std::optional<Engine::BackSyncSetup::Request> AmoDemoCrm::backSync() const
{
    Engine::BackSyncSetup::Request request;
    request.mode = Store::BackSyncConfig::Mode::Polling;
    request.pollMs = 5'000; // a demo shows a manager's move within seconds
    return request;
}

void AmoDemoCrm::fetchSummary(std::function<void(Result<CrmSummary>)> done)
{
    control(QStringLiteral("state"), std::nullopt, [done = std::move(done)](Result<QJsonObject> state) {
        if (!state)
            return done(state.error());
        CrmSummary summary;
        summary.deals = int(state->value(QLatin1String("leads")).toArray().size());
        summary.contacts = int(state->value(QLatin1String("contacts")).toArray().size());
        summary.notes = int(state->value(QLatin1String("notes")).toArray().size());
        done(summary);
    });
}

QString AmoDemoCrm::describe(const CrmSummary &summary) const
{
    return QStringLiteral("%1 deals, %2 contacts and %3 notes")
        .arg(summary.deals)
        .arg(summary.contacts)
        .arg(summary.notes);
}

} // namespace App
