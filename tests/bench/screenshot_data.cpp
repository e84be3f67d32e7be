// SPDX-License-Identifier: GPL-3.0-or-later
// crmbridge_screenshot_data STORE.db: fills a fresh SQLite store with a realistic day of a small shop
// (an amoCRM connection with its schema and mapping, a RetailCRM one with its delivery and payment
// codes, orders and forms in every state, failures with a few causes, attempts and op log entries) for
// scripts/screenshots.sh; an engine that runs elsewhere reports its lanes and shop poller healthy, and
// the credentials (amoCRM tokens, the RetailCRM API key) go to the desktop keychain when one answers
// (the script runs it in a throwaway keyring). Not shipped.
// crmbridge_screenshot_data --heartbeat STORE.db: only reports that engine alive again (a console
// counts a lane silent for a minute as gone).
#include "common/Json.h"
#include "crm/CrmSchema.h"
#include "crm/amocrm/AmoTokens.h"
#include "crm/retailcrm/RetailCrmConnector.h"
#include "mapping/MappingRepo.h"
#include "mapping/MappingSet.h"
#include "secrets/SecretStoreFactory.h"
#include "source/SourceRepo.h"
#include "source/intake/FormEndpointRepo.h"
#include "storage/Database.h"
#include "storage/Migrator.h"
#include "store/CatalogRepo.h"
#include "store/CategoryCacheRepo.h"
#include "store/ConnectionRepo.h"
#include "store/CredentialExpiryRepo.h"
#include "store/JobRepo.h"
#include "store/LaneStatusRepo.h"
#include "store/OpLogRepo.h"
#include "store/SettingsRepo.h"
#include "store/SourceStatusRepo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace {

QJsonObject fixture(const QString &name)
{
    QFile file(QStringLiteral(CRMBRIDGE_SOURCE_DIR "/tests/fixtures/mapping/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return Common::Json::parseObject(file.readAll()).value();
}

int fail(const Common::Error &error)
{
    fprintf(stderr, "crmbridge_screenshot_data: %s\n", qPrintable(error.message));
    return 1;
}

/** The engine of the screenshots runs elsewhere: its two lanes wait for work, its poller watches the shop. */
Common::Status reportHealthyEngine(const std::shared_ptr<Storage::Database> &db)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Store::LaneStatusRepo lanes(db);
    for (const qint64 connection : { 1, 2 }) {
        Store::LaneStatus lane;
        lane.owner = QStringLiteral("shop-server:812:lane-%1").arg(connection);
        lane.connectionId = connection;
        lane.state = QStringLiteral("idle");
        lane.sent = connection == 1 ? 109 : 0;
        lane.heartbeatAt = now;
        lane.startedAt = now - 3 * 3'600'000LL;
        if (auto reported = lanes.report(lane); !reported)
            return reported;
    }
    Store::SourceStatus poller;
    poller.owner = QStringLiteral("shop-server:812:source:coffeeshop");
    poller.source = QStringLiteral("coffeeshop");
    poller.state = QStringLiteral("watching");
    poller.appended = 140;
    poller.polledAt = now;
    poller.heartbeatAt = now;
    poller.startedAt = now - 3 * 3'600'000LL;
    return Store::SourceStatusRepo(db).report(poller);
}

/** The amoCRM tokens, the RetailCRM key and the shop database password in the desktop keychain; a
 *  warning when none answers. */
void storeCredentials(qint64 amoId, qint64 retailId, qint64 nowMs)
{
    auto secrets = Secrets::SecretStoreFactory::forDesktop();
    Crm::AmoCrm::AmoTokenSet tokens;
    tokens.accessToken = QStringLiteral("screenshot-access-token");
    tokens.refreshToken = QStringLiteral("screenshot-refresh-token");
    tokens.accessExpiresAtMs = nowMs + 20 * 3'600'000LL;
    tokens.refreshExpiresAtMs = nowMs + 83 * 86'400'000LL;
    tokens.issuedAtMs = nowMs - 7 * 86'400'000LL;
    tokens.baseUrl = QStringLiteral("https://coffeeshop.amocrm.ru");
    QEventLoop loop;
    int pending = 3;
    const auto done = [&](Common::Status status) {
        if (!status)
            fprintf(stderr, "crmbridge_screenshot_data: no keychain for the credentials: %s\n",
                    qPrintable(status.error().message));
        if (--pending == 0)
            loop.quit();
    };
    Crm::AmoCrm::saveTokens(*secrets, amoId, tokens, done);
    secrets->write(Secrets::SecretStore::connectionScope(retailId),
                   Crm::RetailCrm::RetailSecretNames::apiKey(),
                   QByteArrayLiteral("screenshot-retailcrm-api-key"), done);
    Source::SourceRecord shop;
    shop.name = QStringLiteral("coffeeshop");
    secrets->write(shop.secretScope(), Source::SourceRecord::passwordSecretName(),
                   QByteArrayLiteral("screenshot-shop-password"), done);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--heartbeat") == 0) {
        auto db = Storage::Database::open(QStringLiteral("sqlite://") + QString::fromLocal8Bit(argv[2]));
        if (!db)
            return fail(db.error());
        if (auto reported = reportHealthyEngine(db.value()); !reported)
            return fail(reported.error());
        return 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: crmbridge_screenshot_data [--heartbeat] STORE.db\n");
        return 2;
    }
    QFile::remove(QString::fromLocal8Bit(argv[1]));
    auto db = Storage::Database::open(QStringLiteral("sqlite://") + QString::fromLocal8Bit(argv[1]));
    if (!db)
        return fail(db.error());
    if (auto migrated = Storage::Migrator(*db.value()).migrate(); !migrated)
        return fail(migrated.error());

    Store::Connection connection;
    connection.name = QStringLiteral("Кофейная лавка — amoCRM");
    connection.crm = QStringLiteral("amocrm");
    connection.baseUrl = QStringLiteral("https://coffeeshop.amocrm.ru");
    connection.config
        = { { QStringLiteral("client_id"), QStringLiteral("4f1c2a9e-58b1-4c3e-9d0a-7e2b1f6c8d90") },
            { QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:17817/amocrm") } };
    connection.state = QStringLiteral("signed-in");
    auto added = Store::ConnectionRepo(db.value()).add(connection);
    if (!added)
        return fail(added.error());
    const qint64 cid = added->id;
    // Signed in a week ago: the access token renews daily, the refresh token has 83 days left.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    Store::CredentialExpiry expiry;
    expiry.kind = QStringLiteral("oauth");
    expiry.accessExpiresAt = nowMs + 20 * 3'600'000LL;
    expiry.refreshExpiresAt = nowMs + 83 * 86'400'000LL;
    if (auto recorded = Store::CredentialExpiryRepo(db.value()).record(cid, expiry); !recorded)
        return fail(recorded.error());
    auto schema = Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_amocrm.json")));
    if (!schema)
        return fail(schema.error());
    Mapping::MappingRepo mappings(db.value());
    if (auto saved = mappings.saveSchema(cid, schema.value()); !saved)
        return fail(saved.error());
    Mapping::MappingSet set = Mapping::MappingSet::defaults(schema.value());
    // The shop is Russian: its templates are written in Russian whatever the console's language.
    set.orders.dealNameTemplate = QStringLiteral("Заказ №{order.num}");
    set.forms.dealNameTemplate = QStringLiteral("Заявка: {form.name}");
    set.statuses.rows = {
        { QStringLiteral("s1"), QStringLiteral("1"), QStringLiteral("Новый"), QStringLiteral("7001"),
          QStringLiteral("70011"), Mapping::StatusRow::Direction::Both },
        { QStringLiteral("s2"), QStringLiteral("2"), QStringLiteral("Оплачен"), QStringLiteral("7001"),
          QStringLiteral("70012"), Mapping::StatusRow::Direction::ToCrm },
        { QStringLiteral("s3"), QStringLiteral("3"), QStringLiteral("Отправлен"), QStringLiteral("7001"),
          QStringLiteral("70013"), Mapping::StatusRow::Direction::Both },
        { QStringLiteral("s4"), QStringLiteral("4"), QStringLiteral("Отменён"), QStringLiteral("7001"),
          QStringLiteral("143"), Mapping::StatusRow::Direction::FromCrm },
    };
    // Coffee machines and grinders (under «Техника») go to the wholesale pipeline, to Igor; the
    // delivery names are matched to the «Доставка» select field's values.
    set.routing.rules = { { QStringLiteral("r1"), QStringLiteral("2"), QStringLiteral("7002"),
                            QStringLiteral("70021"), QStringLiteral("502"), true } };
    set.routing.defaultPipelineId = QStringLiteral("7001");
    // Callback requests go to the service pipeline, to Anna.
    set.formRouting.forms
        = { { QStringLiteral("callback"), QStringLiteral("7003"), {}, QStringLiteral("501") } };
    set.orders.matchChoices(schema.value(),
                            { { QStringLiteral("order.delivery.name"),
                                { QStringLiteral("Самовывоз"), QStringLiteral("Курьером по городу"),
                                  QStringLiteral("Почта России") } } });
    if (auto saved = mappings.save(cid, set); !saved)
        return fail(saved.error());

    Source::SourceRecord shop;
    shop.name = QStringLiteral("coffeeshop");
    shop.kind = QStringLiteral("minishop2");
    shop.url = QStringLiteral("mysql://bridge@shop-db.local:3306/coffeeshop");
    shop.config = { { QStringLiteral("prefix"), QStringLiteral("modx_") } };
    if (auto source = Source::SourceRepo(db.value()).add(shop); !source)
        return fail(source.error());
    // miniShop2's own status colours, as reading the shop records them.
    const QList<Source::ShopStatus> shopStatuses {
        { QStringLiteral("1"), QStringLiteral("Новый"), QStringLiteral("000000") },
        { QStringLiteral("2"), QStringLiteral("Оплачен"), QStringLiteral("008000") },
        { QStringLiteral("3"), QStringLiteral("Отправлен"), QStringLiteral("003366") },
        { QStringLiteral("4"), QStringLiteral("Отменён"), QStringLiteral("800000") },
    };
    if (auto recorded = Source::SourceRepo(db.value()).recordStatuses(shop.name, shopStatuses); !recorded)
        return fail(recorded.error());
    // The shop's products in the amoCRM catalogue: 86 linked, an hourly run that just went.
    QList<Store::CatalogItem> products;
    for (int i = 1; i <= 86; ++i)
        products << Store::CatalogItem {
            QString::number(i),       QString::number(905'000 + i),      QStringLiteral("h"),
            QStringLiteral("synced"), QStringLiteral("Товар %1").arg(i), nowMs
        };
    if (auto saved = Store::CatalogRepo(db.value()).save(cid, shop.name, products); !saved)
        return fail(saved.error());
    if (auto saved = Store::CatalogRepo(db.value())
                         .saveRun({ cid, shop.name, nowMs - 9 * 60'000, nowMs - 9 * 60'000 + 4'200, 88, 2, 5,
                                    1, 0, QString() });
        !saved)
        return fail(saved.error());
    (void)Store::SettingsRepo(db.value())
        .setValue(QStringLiteral("catalog.interval_min"), QStringLiteral("60"));
    // The shop's catalogue as reading it records it, for the routing tree.
    const Model::CategoryTree categories(
        { { QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("Каталог") },
          { QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("Техника") },
          { QStringLiteral("21"), QStringLiteral("2"), QStringLiteral("Кофемашины") },
          { QStringLiteral("211"), QStringLiteral("21"), QStringLiteral("Рожковые") },
          { QStringLiteral("22"), QStringLiteral("2"), QStringLiteral("Кофемолки") },
          { QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("Продукты") },
          { QStringLiteral("31"), QStringLiteral("3"), QStringLiteral("Кофе в зёрнах") },
          { QStringLiteral("32"), QStringLiteral("3"), QStringLiteral("Чай") },
          { QStringLiteral("4"), QStringLiteral("1"), QStringLiteral("Сервис") } });
    if (auto saved = Store::CategoryCacheRepo(db.value()).save(shop.name, categories); !saved)
        return fail(saved.error());
    // The shop's delivery and payment methods, and a RetailCRM connection (id 2) that maps them.
    const QList<Source::ShopMethod> deliveries {
        { QStringLiteral("1"), QStringLiteral("Самовывоз") },
        { QStringLiteral("2"), QStringLiteral("Курьером по городу") },
        { QStringLiteral("3"), QStringLiteral("Почта России") },
        { QStringLiteral("4"), QStringLiteral("СДЭК до пункта выдачи") },
    };
    const QList<Source::ShopMethod> payments {
        { QStringLiteral("1"), QStringLiteral("Оплата наличными") },
        { QStringLiteral("2"), QStringLiteral("Картой онлайн") },
        { QStringLiteral("3"), QStringLiteral("Счёт для юрлиц") },
    };
    Source::SourceRepo sources(db.value());
    if (auto recorded = sources.recordMethods(shop.name, Source::MethodKind::Delivery, deliveries); !recorded)
        return fail(recorded.error());
    if (auto recorded = sources.recordMethods(shop.name, Source::MethodKind::Payment, payments); !recorded)
        return fail(recorded.error());
    Store::Connection retail;
    retail.name = QStringLiteral("Розница — RetailCRM"); // listed after the amoCRM one
    retail.crm = QStringLiteral("retailcrm");
    retail.baseUrl = QStringLiteral("https://coffeeshop.retailcrm.ru");
    retail.config = { { QStringLiteral("site"), QStringLiteral("coffeeshop") } };
    retail.state = QStringLiteral("signed-in");
    auto retailAdded = Store::ConnectionRepo(db.value()).add(retail);
    if (!retailAdded)
        return fail(retailAdded.error());
    auto retailSchema = Crm::CrmSchema::fromJson(fixture(QStringLiteral("schema_retailcrm.json")));
    if (!retailSchema)
        return fail(retailSchema.error());
    if (auto saved = mappings.saveSchema(retailAdded->id, retailSchema.value()); !saved)
        return fail(saved.error());
    Mapping::MappingSet retailSet = Mapping::MappingSet::defaults(retailSchema.value());
    retailSet.orders.dealNameTemplate = set.orders.dealNameTemplate;
    retailSet.forms.dealNameTemplate = set.forms.dealNameTemplate;
    retailSet.codes.delivery = { { deliveries[0].id, deliveries[0].name, QStringLiteral("self-delivery") },
                                 { deliveries[1].id, deliveries[1].name, QStringLiteral("courier") },
                                 { deliveries[2].id, deliveries[2].name, QStringLiteral("russian-post") } };
    retailSet.codes.payment = { { payments[0].id, payments[0].name, QStringLiteral("cash") },
                                { payments[1].id, payments[1].name, QStringLiteral("bank-card") },
                                { payments[2].id, payments[2].name, QStringLiteral("bank-transfer") } };
    retailSet.codes.paidStatuses = { QStringLiteral("2") };
    if (auto saved = mappings.save(retailAdded->id, retailSet); !saved)
        return fail(saved.error());
    if (auto endpoint = Source::Intake::FormEndpointRepo(db.value()).create(QStringLiteral("callback"));
        !endpoint)
        return fail(endpoint.error());

    const QStringList names { QStringLiteral("Анна Смирнова"),      QStringLiteral("Пётр Иванов"),
                              QStringLiteral("Ольга Кузнецова"),    QStringLiteral("Дмитрий Попов"),
                              QStringLiteral("Мария Васильева"),    QStringLiteral("Сергей Новиков"),
                              QStringLiteral("Екатерина Морозова"), QStringLiteral("Алексей Волков"),
                              QStringLiteral("Наталья Лебедева"),   QStringLiteral("Игорь Соколов") };
    const QStringList emails { QStringLiteral("anna.smirnova"), QStringLiteral("p.ivanov"),
                               QStringLiteral("olga.k"),        QStringLiteral("dpopov"),
                               QStringLiteral("m.vasilieva"),   QStringLiteral("novikov.s"),
                               QStringLiteral("kate.moroz"),    QStringLiteral("volkov.a"),
                               QStringLiteral("n.lebedeva"),    QStringLiteral("sokolov") };
    // As the amoCRM connector reports a refused value: HTTP 400, code "validation: <the CRM's code>".
    Common::Error refusedValue = Common::Error::permanent(
        QStringLiteral("amoCRM rejected field “Дата заказа” (812345): \"14.11\" is not a date"),
        QStringLiteral("validation: FieldValueInvalid"));
    refusedValue.httpStatus = 400;
    const QList<Common::Error> causes {
        refusedValue,
        Common::Error::permanent(QStringLiteral("Stage 70014 does not exist in pipeline “Розница”"),
                                 QStringLiteral("mapping-broken")),
        Common::Error::transient(QStringLiteral("No answer from the server: connection timed out")),
    };

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Common::ManualClock clock(now - 24 * 3600 * 1000LL);
    Store::JobRepo jobs(db.value(), &clock);
    Store::OpLogRepo log(db.value(), &clock);
    const QJsonObject order = fixture(QStringLiteral("order_ru.json"));
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 140; ++i) {
        clock.setMs(now - 24 * 3600 * 1000LL + qint64(i) * (23 * 3600 * 1000LL / 140)
                    + random->bounded(60000));
        const int who = i % names.size();
        const QString number = QStringLiteral("2311/%1").arg(100 + i);
        const QString phone = QStringLiteral("+7 9%1 %2-%3-%4")
                                  .arg(10 + random->bounded(89))
                                  .arg(100 + random->bounded(899))
                                  .arg(10 + random->bounded(89))
                                  .arg(10 + random->bounded(89));
        QJsonObject payload = order;
        payload[QStringLiteral("id")] = QString::number(812 + i);
        payload[QStringLiteral("number")] = number;
        payload[QStringLiteral("cost")] = 900 + random->bounded(40000);
        QJsonObject customer = payload.value(QStringLiteral("customer")).toObject();
        customer[QStringLiteral("name")] = names.at(who);
        customer[QStringLiteral("phone")] = phone;
        customer[QStringLiteral("email")] = emails.at(who) + QStringLiteral("@mail.ru");
        payload[QStringLiteral("customer")] = customer;
        Store::NewJob job;
        const bool form = i % 9 == 4;
        job.kind = form ? QStringLiteral("form.submitted") : QStringLiteral("order.created");
        job.connectionId = cid;
        job.source = form ? QStringLiteral("forms") : QStringLiteral("shop");
        job.sourceRef = QString::number(812 + i);
        job.idempotencyKey = QStringLiteral("%1:%2").arg(job.kind).arg(812 + i);
        // A request is known by the name of the form it came from, as the intake keys it (/forms/callback).
        job.reference = form ? QStringLiteral("callback") : number;
        job.customer = names.at(who);
        job.phone
            = QString(phone).remove(QRegularExpression(QStringLiteral("[^0-9]"))); // sources store digits
        job.email = customer.value(QStringLiteral("email")).toString();
        if (form) {
            payload = QJsonObject {
                { QStringLiteral("id"), QString::number(812 + i) },
                { QStringLiteral("form_name"), QStringLiteral("callback") },
                { QStringLiteral("page_url"), QStringLiteral("https://coffeeshop.ru/contacts") },
                { QStringLiteral("client_ip"), QStringLiteral("95.31.18.119") },
                { QStringLiteral("received_at"),
                  QDateTime::fromMSecsSinceEpoch(clock.nowMs()).toUTC().toString(Qt::ISODate) },
                { QStringLiteral("fields"),
                  QJsonArray {
                      QJsonArray { QStringLiteral("name"), names.at(who) },
                      QJsonArray { QStringLiteral("phone"), phone },
                      QJsonArray { QStringLiteral("comment"), QStringLiteral("Перезвоните после 18:00") } } },
            };
        }
        job.payload = payload;
        auto enqueued = jobs.enqueue(job);
        if (!enqueued)
            return fail(enqueued.error());
        if (i >= 128)
            continue; // the newest stay pending
        auto leased = jobs.lease(QStringLiteral("lane-1"), 1, 60000);
        if (!leased || leased->isEmpty())
            continue;
        const Store::Job &taken = leased->first();
        clock.advanceMs(300 + random->bounded(900));
        const bool failed = i % 11 == 3 || i % 17 == 5;
        Store::OpLogEntry entry;
        entry.connectionId = cid;
        entry.lane = QStringLiteral("amocrm");
        entry.jobId = taken.id;
        entry.method = QStringLiteral("POST");
        entry.url = QStringLiteral("https://coffeeshop.amocrm.ru/api/v4/leads/complex");
        entry.requestHeaders = QStringLiteral("Authorization: Bearer ***\nContent-Type: application/json");
        entry.requestBody = QStringLiteral("[{\"name\":\"Заказ №%1\",\"price\":%2,\"pipeline_id\":7001,"
                                           "\"_embedded\":{\"contacts\":[{\"name\":\"%3\"}]}}]")
                                .arg(number)
                                .arg(payload.value(QStringLiteral("cost")).toInt())
                                .arg(names.at(who));
        entry.durationMs = 120 + random->bounded(400);
        entry.keys
            = QStringLiteral("%1 %2 %3")
                  .arg(number, QString(phone).remove(QLatin1Char(' ')).remove(QLatin1Char('-')), job.email);
        if (failed) {
            const Common::Error &cause = causes.at(i % causes.size());
            entry.status = cause.kind == Common::ErrorKind::Transient ? 0 : 400;
            entry.error = cause.message;
            entry.responseBody = entry.status
                ? QStringLiteral("{\"validation-errors\":[{\"request_id\":\"0\",\"errors\":"
                                 "[{\"code\":\"FieldValueInvalid\",\"path\":\"custom_fields_values.0\"}]}]}")
                : QString();
            (void)log.append(entry);
            (void)jobs.settleFailed(taken.id, QStringLiteral("lane-1"), cause);
        } else {
            entry.status = 200;
            entry.responseBody = QStringLiteral("[{\"id\":%1,\"contact_id\":%2,\"company_id\":null}]")
                                     .arg(31250000 + i)
                                     .arg(48110000 + i);
            (void)log.append(entry);
            (void)jobs.settleDone(taken.id, QStringLiteral("lane-1"));
        }
    }
    if (auto reported = reportHealthyEngine(db.value()); !reported)
        return fail(reported.error());
    storeCredentials(cid, retailAdded->id, now);
    printf("filled %s\n", argv[1]);
    return 0;
}
