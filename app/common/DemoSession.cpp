// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoSession.h"

#include "EngineHost.h"
#include "amocrm/AmoCrmSandbox.h"
#include "crm/CrmConnector.h"
#include "crm/amocrm/AmoBrowserSignIn.h"
#include "engine/SyncEngine.h"
#include "net/HttpClient.h"
#include "secrets/MemorySecretStore.h"
#include "source/SourceRepo.h"
#include "source/minishop2/DemoShopGenerator.h"
#include "source/minishop2/MiniShop2Source.h"
#include "source/minishop2/ShopDb.h"
#include "storage/Migrator.h"
#include "store/ConnectionRepo.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"
#include "store/MappingRepo.h"
#include "store/WatermarkRepo.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

namespace App {

using Common::Error;
using Common::Result;
using Common::Status;
using Source::MiniShop2::DemoShopGenerator;

namespace {
const QString kConnection = QStringLiteral("demo-amocrm");
const QString kSource = QStringLiteral("demo-shop");

/** The sandbox's control API (no auth, never rate-limited): answers a JSON object or an error. */
void control(QNetworkAccessManager *network, const QUrl &base, const QString &path, bool post,
             std::function<void(Result<QJsonObject>)> done)
{
    QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/__sandbox/") + path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = post ? network->post(request, QByteArrayLiteral("{}")) : network->get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError)
            return done(Error::unavailable(
                QStringLiteral("The sandbox CRM does not answer: %1").arg(reply->errorString())));
        done(QJsonDocument::fromJson(reply->readAll()).object());
    });
}
} // namespace

DemoSession::DemoSession(DemoOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
{
    connect(&m_customers, &QTimer::timeout, this, &DemoSession::placeOrder);
}

DemoSession::~DemoSession()
{
    m_customers.stop();
    // The engine's threads use the connectors, the store and the sandbox: it goes first.
    m_engine.reset();
    m_client.reset();
}

Engine::SyncEngine *DemoSession::engine() const
{
    return m_engine ? m_engine->engine() : nullptr;
}

std::shared_ptr<Secrets::SecretStore> DemoSession::secrets() const
{
    return m_secrets;
}

QString DemoSession::dir() const
{
    return m_dir;
}

QUrl DemoSession::sandboxUrl() const
{
    return m_sandbox ? m_sandbox->baseUrl() : QUrl();
}

Status DemoSession::prepare()
{
    if (auto done = prepareFolder(); !done)
        return done;
    Sandbox::AmoCrm::AmoSandboxOptions sandbox;
    sandbox.seed = QStringLiteral("demo");
    sandbox.rate = m_options.sandboxRate;
    m_sandbox = std::make_unique<Sandbox::AmoCrm::AmoCrmSandbox>(sandbox);
    QString error;
    if (!m_sandbox->start(&error))
        return Error::unavailable(QStringLiteral("The sandbox CRM cannot start: %1").arg(error));

    auto store
        = Storage::Database::open(QStringLiteral("sqlite://") + m_dir + QStringLiteral("/crmbridge.db"));
    if (!store)
        return store.error();
    m_store = store.value();
    if (auto migrated = Storage::Migrator(*m_store).migrate(); !migrated)
        return migrated.error();
    // In memory only: the demo runs where no secret service does. A real connection never does this.
    m_secrets = std::make_shared<Secrets::MemorySecretStore>();
    if (auto done = prepareShop(); !done)
        return done;
    if (auto done = prepareRecords(); !done)
        return done;

    Crm::ConnectorOptions connector;
    connector.requestsPerSecond = m_options.sandboxRate > 0 ? m_options.sandboxRate : 1000;
    m_engine = std::make_unique<EngineHost>(m_store, m_secrets, connector);
    connect(m_engine->engine(), &Engine::SyncEngine::stopped, this, &DemoSession::stopped);
    return {};
}

Status DemoSession::prepareFolder()
{
    if (m_options.dir.isEmpty()) {
        m_tempDir
            = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/crmbridge-demo-XXXXXX"));
        if (!m_tempDir->isValid())
            return Error::unavailable(
                QStringLiteral("No temporary folder: %1").arg(m_tempDir->errorString()));
        m_dir = m_tempDir->path();
        return {};
    }
    m_dir = QDir(m_options.dir).absolutePath();
    if (!QDir().mkpath(m_dir))
        return Error::unavailable(QStringLiteral("Cannot create the folder %1").arg(m_dir));
    // Each run starts afresh: the sandbox starts empty, so the last run's store and shop would disagree.
    for (const QString &name : { QStringLiteral("crmbridge.db"), QStringLiteral("shop.db") }) {
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(m_dir + QLatin1Char('/') + name + suffix);
    }
    return {};
}

Status DemoSession::prepareShop()
{
    auto url = Source::MiniShop2::ShopDbUrl::parse(QStringLiteral("sqlite://") + m_dir
                                                   + QStringLiteral("/shop.db"));
    if (!url)
        return url.error();
    auto shop = Source::MiniShop2::ShopDb::open(url.value(), QStringLiteral("modx_"));
    if (!shop)
        return shop.error();
    m_shop = shop.value();
    DemoShopGenerator::Options options;
    options.orders = m_options.totalOrders > 0 ? std::min(m_options.initialOrders, m_options.totalOrders)
                                               : m_options.initialOrders;
    auto stats = DemoShopGenerator::generate(*m_shop, options);
    if (!stats)
        return stats.error();
    m_ordersInShop = stats->orders;
    m_shopLogs = stats->logs;
    return {};
}

Status DemoSession::prepareRecords()
{
    Store::Connection connection;
    connection.name = kConnection;
    connection.crm = QStringLiteral("amocrm");
    connection.baseUrl = m_sandbox->baseUrl().toString();
    connection.config = QJsonObject { { QStringLiteral("client_id"), m_sandbox->clientId() },
                                      { QStringLiteral("redirect_uri"), m_sandbox->redirectUri() } };
    connection.state = QStringLiteral("new");
    auto added = Store::ConnectionRepo(m_store).add(connection);
    if (!added)
        return added.error();
    m_connection = added.value();
    m_secrets->write(Secrets::SecretStore::connectionScope(m_connection.id),
                     Crm::AmoCrm::AmoSecretNames::clientSecret(), m_sandbox->clientSecret().toUtf8(),
                     [](Status) {});

    Source::SourceRecord source;
    source.name = kSource;
    source.kind = QStringLiteral("minishop2");
    source.url = m_shop->url().toDisplayString();
    // The orders already in the shop go to the CRM too: that is the first thing the demo shows.
    source.config = QJsonObject { { QStringLiteral("prefix"), m_shop->prefix() },
                                  { QStringLiteral("start"), QStringLiteral("beginning") } };
    if (auto saved = Source::SourceRepo(m_store).add(source); !saved)
        return saved.error();
    // The status history of those orders is not news: each order carries its present status. The
    // generator numbers a fresh shop's log rows 1..logs, so the source's status log starts after them.
    return Store::WatermarkRepo(m_store).setValue(kSource, Source::MiniShop2::MiniShop2Source::logsStream(),
                                                  QString::number(m_shopLogs));
}

void DemoSession::start()
{
    // What the sandbox's demo account holds already, so the summary counts only what the demo sent.
    fetchCrmSummary([this](Result<CrmSummary> before) {
        if (!before)
            return fail(before.error().message);
        m_baseline = before.value();
        control(m_network, m_sandbox->baseUrl(), QStringLiteral("auth-code"), true,
                [this](Result<QJsonObject> code) {
                    if (!code)
                        return fail(code.error().message);
                    signIn(code.value());
                });
    });
}

void DemoSession::signIn(const QJsonObject &code)
{
    // The paste flow, with the code the sandbox hands out as amoCRM's integration page would.
    Net::HttpClient::Options options;
    options.account = QStringLiteral("amocrm:%1:%2").arg(m_sandbox->baseUrl().host()).arg(m_sandbox->port());
    options.limit.requestsPerSecond = m_options.sandboxRate > 0 ? m_options.sandboxRate : 1000;
    m_client = std::make_unique<Net::HttpClient>(m_network, options);
    auto *signIn = new Crm::AmoCrm::AmoBrowserSignIn(m_client.get(), m_secrets, this);
    connect(signIn, &Crm::AmoCrm::AmoBrowserSignIn::finished, this,
            [this, signIn](const Result<Crm::AmoCrm::AmoTokenSet> &tokens) {
                signIn->deleteLater();
                if (!tokens)
                    return fail(
                        QStringLiteral("Cannot sign in to the sandbox CRM: %1").arg(tokens.error().message));
                (void)Store::ConnectionRepo(m_store).setState(m_connection.id, QStringLiteral("signed-in"));
                applyDefaultMapping();
            });
    const Crm::AmoCrm::AmoBrowserSignIn::Config config { m_connection.id,
                                                         { m_sandbox->baseUrl(), m_sandbox->clientId(),
                                                           m_sandbox->redirectUri() },
                                                         m_sandbox->clientSecret() };
    const QString pasted = QStringLiteral("%1?code=%2&referer=%3")
                               .arg(m_sandbox->redirectUri(), code.value(QLatin1String("code")).toString(),
                                    code.value(QLatin1String("referer")).toString());
    if (auto submitted = signIn->submitPasted(config, pasted); !submitted) {
        signIn->deleteLater();
        fail(submitted.error().message);
    }
}

void DemoSession::applyDefaultMapping()
{
    // What an operator does first on the Mapping page: read the CRM's fields and pipelines and start
    // from the default mapping for them.
    m_schemaReader = m_engine->connectors()->forConnection(m_connection)(this);
    m_schemaReader->fetchSchema([this](Result<Crm::CrmSchema> schema) {
        m_schemaReader.release()->deleteLater();
        if (!schema)
            return fail(
                QStringLiteral("Cannot read the sandbox CRM's fields: %1").arg(schema.error().message));
        Store::MappingRepo mappings(m_store);
        if (auto saved = mappings.saveSchema(m_connection.id, schema.value()); !saved)
            return fail(saved.error().message);
        if (auto saved = mappings.save(m_connection.id, Mapping::MappingSet::defaults(schema.value()));
            !saved)
            return fail(saved.error().message);
        run();
    });
}

void DemoSession::run()
{
    // Started means the shop's orders are in the queue: the first look at any page shows them.
    connect(m_engine->engine(), &Engine::SyncEngine::sourceStateChanged, this,
            [this](const QString &, Engine::PollerState state, const QString &reason) {
                if (m_running || state == Engine::PollerState::Starting)
                    return;
                if (state != Engine::PollerState::Watching)
                    return fail(QStringLiteral("The demo shop cannot be read: %1").arg(reason));
                m_running = true;
                if (m_options.newOrderEveryMs > 0)
                    m_customers.start(m_options.newOrderEveryMs);
                Q_EMIT started();
            });
    if (auto started = m_engine->start(false); !started)
        return fail(started.error().message);
}

void DemoSession::placeOrder()
{
    if (m_options.totalOrders > 0 && m_ordersInShop >= m_options.totalOrders) {
        m_customers.stop();
        return;
    }
    auto placed = DemoShopGenerator::addOrders(*m_shop, 1, 4, quint32(m_ordersInShop));
    if (placed)
        m_ordersInShop += placed->orders;
}

void DemoSession::stop()
{
    m_customers.stop();
    if (m_engine)
        m_engine->engine()->stop();
    else
        Q_EMIT stopped();
}

void DemoSession::fail(const QString &message)
{
    m_customers.stop();
    Q_EMIT failed(message);
}

DemoProgress DemoSession::progress() const
{
    DemoProgress progress;
    progress.ordersInShop = m_ordersInShop;
    progress.synced
        = Store::EntityLinkRepo(m_store).count(m_connection.id, QStringLiteral("order")).valueOr(0);
    auto counts = Store::JobRepo(m_store).countsByState();
    progress.failed = counts ? counts->value(Store::JobState::Failed) : 0;
    return progress;
}

void DemoSession::fetchCrmSummary(std::function<void(Result<CrmSummary>)> done)
{
    control(m_network, m_sandbox->baseUrl(), QStringLiteral("state"), false,
            [baseline = m_baseline, done = std::move(done)](Result<QJsonObject> state) {
                if (!state)
                    return done(state.error());
                CrmSummary summary;
                summary.deals = int(state->value(QLatin1String("leads")).toArray().size()) - baseline.deals;
                summary.contacts
                    = int(state->value(QLatin1String("contacts")).toArray().size()) - baseline.contacts;
                summary.notes = int(state->value(QLatin1String("notes")).toArray().size()) - baseline.notes;
                done(summary);
            });
}

} // namespace App
