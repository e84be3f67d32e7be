// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntakeHandler.h"

#include "FormEndpointRepo.h"
#include "IntakeLog.h"
#include "common/PhoneNumber.h"
#include "model/FormSubmission.h"
#include "model/ShopEvent.h"
#include "net/FormParser.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "store/JobRepo.h"
#include "store/Outbox.h"
#include "store/SettingsRepo.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace Source::Intake {

using Common::Result;
namespace Sql = Storage::Sql;

namespace {

const QByteArray kSecretHeader = "X-CRMBridge-Secret";

QString headersText(const HttpRequest &request)
{
    QStringList lines;
    for (const auto &[name, value] : request.headers) {
        const bool secret = name.compare(kSecretHeader, Qt::CaseInsensitive) == 0
            || name.compare("Authorization", Qt::CaseInsensitive) == 0
            || name.compare("Cookie", Qt::CaseInsensitive) == 0;
        lines << QString::fromLatin1(name) + QStringLiteral(": ")
                + (secret ? QStringLiteral("***") : QString::fromUtf8(value));
    }
    return lines.join(QLatin1Char('\n'));
}

// The person behind a form, guessed from the usual field names (Russian and English).
QString guess(const Model::FormSubmission &form, const QStringList &names)
{
    for (const auto &[name, value] : form.fields) {
        const QString lower = name.toLower();
        for (const QString &candidate : names) {
            if (lower == candidate && !value.trimmed().isEmpty())
                return value.trimmed();
        }
    }
    return {};
}

// Two posts with one Idempotency-Key carry the same submission (the time and address may differ).
bool sameContent(const Model::FormSubmission &stored, const Model::FormSubmission &retry)
{
    return stored.fields == retry.fields && stored.pageUrl == retry.pageUrl && stored.utm == retry.utm;
}

} // namespace

HttpResponse HttpResponse::json(int status, const QByteArray &state, const QString &message)
{
    QJsonObject object { { QStringLiteral("status"), QString::fromLatin1(state) } };
    if (!message.isEmpty())
        object.insert(QStringLiteral("message"), message);
    return { status, QJsonDocument(object).toJson(QJsonDocument::Compact), {} };
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

QByteArray HttpResponse::serialise() const
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    bytes += "Content-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\nCache-Control: no-store\r\n";
    for (const auto &[name, value] : headers)
        bytes += name + ": " + value + "\r\n";
    return bytes + "\r\n" + body;
}

IntakeHandler::IntakeHandler(std::shared_ptr<Storage::Database> store,
                             QHash<QString, Model::WebhookParser> webhookParsers, const Common::Clock *clock)
    : m_store(std::move(store))
    , m_clock(clock)
    , m_webhookParsers(std::move(webhookParsers))
{ }

QByteArray IntakeHandler::redactedTarget(const QByteArray &target)
{
    const qsizetype query = target.indexOf('?');
    const QByteArray path = query < 0 ? target : target.left(query);
    const QList<QByteArray> parts = path.split('/');
    if (parts.size() >= 4 && (parts[1] == "forms" || parts[1] == "hooks" || parts[1] == "shops")) {
        QList<QByteArray> kept = parts.mid(0, 3);
        kept << "***";
        return kept.join('/') + (query < 0 ? QByteArray() : target.mid(query));
    }
    return target;
}

IntakeHandler::Route IntakeHandler::routeOf(const HttpRequest &request)
{
    Route route;
    const QList<QByteArray> parts = request.path().split('/');
    if (request.path() == "/health") {
        route.kind = Route::Kind::Health;
        return route;
    }
    if (request.path().startsWith("/icml/") && request.method == "GET") {
        route.kind = Route::Kind::Catalogue;
        return route;
    }
    const auto methodNotAllowed = [](const QString &message) {
        HttpResponse response = HttpResponse::json(405, "method-not-allowed", message);
        response.headers.append(qMakePair(QByteArray("Allow"), QByteArray("POST")));
        return response;
    };
    if (parts.size() >= 2 && parts[0].isEmpty() && (parts[1] == "hooks" || parts[1] == "shops")) {
        const bool shop = parts[1] == "shops";
        if (parts.size() != 4 || parts[2].isEmpty() || parts[3].isEmpty())
            route.refusal
                = HttpResponse::json(404, "not-found",
                                     shop ? QStringLiteral("Shop webhooks post to /shops/<source>/<secret>")
                                          : QStringLiteral("CRM webhooks post to /hooks/<crm>/<secret>"));
        else if (request.method != "POST")
            route.refusal = methodNotAllowed(QStringLiteral("Webhooks are POSTed"));
        else {
            route.kind = shop ? Route::Kind::ShopHook : Route::Kind::Hook;
            route.name = shop ? QUrl::fromPercentEncoding(parts[2]) : QString::fromLatin1(parts[2]);
            route.secret = QByteArray::fromPercentEncoding(parts[3]);
        }
        return route;
    }
    if (parts.size() < 3 || parts.size() > 4 || !parts[0].isEmpty() || parts[1] != "forms"
        || parts[2].isEmpty()) {
        route.refusal = HttpResponse::json(404, "not-found", QStringLiteral("Post forms to /forms/<form>"));
        return route;
    }
    if (request.method != "POST") {
        route.refusal = methodNotAllowed(QStringLiteral("Forms are POSTed"));
        return route;
    }
    route.name = QUrl::fromPercentEncoding(parts[2]);
    route.secret = request.header(kSecretHeader);
    if (route.secret.isEmpty() && parts.size() == 4)
        route.secret = QByteArray::fromPercentEncoding(parts[3]);
    if (route.secret.isEmpty()) {
        route.refusal = HttpResponse::json(
            401, "unauthorized",
            QStringLiteral("Send the form's secret in the X-CRMBridge-Secret header or as "
                           "/forms/<form>/<secret>"));
        return route;
    }
    route.kind = Route::Kind::Form;
    return route;
}

HttpResponse IntakeHandler::handle(const HttpRequest &request, const QString &clientIp)
{
    const Route route = routeOf(request);
    switch (route.kind) {
    case Route::Kind::Health:
        return HttpResponse::json(200, "ok");
    case Route::Kind::Catalogue:
        return catalogue(request.path());
    case Route::Kind::Hook:
        return handleHook(request, clientIp, route.name, route.secret);
    case Route::Kind::ShopHook:
        return handleShopHook(request, clientIp, route.name, route.secret);
    case Route::Kind::Form:
        return handleForm(request, clientIp, route.name, route.secret);
    case Route::Kind::Refused:
        break;
    }
    return route.refusal;
}

std::optional<HttpResponse> IntakeHandler::checkHead(const HttpRequest &request, const QString &clientIp)
{
    const Route route = routeOf(request);
    switch (route.kind) {
    case Route::Kind::Health:
    case Route::Kind::Catalogue:
        return std::nullopt;
    case Route::Kind::Hook: {
        HookTarget target;
        return findHookConnection(route.name, route.secret, clientIp, &target);
    }
    case Route::Kind::ShopHook:
        return checkShopHook(route.name, route.secret, clientIp);
    case Route::Kind::Form: {
        FormEndpoint endpoint;
        return verifyForm(route.name, route.secret, clientIp, &endpoint);
    }
    case Route::Kind::Refused:
        break;
    }
    return route.refusal;
}

std::optional<HttpResponse> IntakeHandler::verifyForm(const QString &form, const QByteArray &secret,
                                                      const QString &clientIp, FormEndpoint *endpoint)
{
    FormEndpointRepo endpoints(m_store, m_clock);
    auto check = endpoints.verify(form, secret, endpoint);
    if (!check) {
        qCWarning(lcIntake) << "store unavailable while checking form" << form << ":"
                            << check.error().toString();
        HttpResponse response = HttpResponse::json(
            503, "unavailable", QStringLiteral("The store is unavailable; try again later"));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
        return response;
    }
    switch (check.value()) {
    case FormEndpointRepo::Check::UnknownForm:
        return HttpResponse::json(404, "unknown-form", QStringLiteral("No form named \"%1\"").arg(form));
    case FormEndpointRepo::Check::WrongSecret:
        qCWarning(lcIntake) << "wrong secret for form" << form << "from" << clientIp;
        return HttpResponse::json(403, "forbidden", QStringLiteral("Wrong secret for this form"));
    case FormEndpointRepo::Check::Disabled:
        return HttpResponse::json(403, "disabled", QStringLiteral("This form is switched off"));
    case FormEndpointRepo::Check::Accepted:
        break;
    }
    return std::nullopt;
}

HttpResponse IntakeHandler::catalogue(const QByteArray &path)
{
    QString name = QUrl::fromPercentEncoding(path.mid(6));
    if (name.endsWith(QLatin1String(".xml")))
        name.chop(4);
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        return HttpResponse::json(404, "not-found", QStringLiteral("Catalogues are at /icml/<source>.xml"));
    auto file = Store::SettingsRepo(m_store).value(QStringLiteral("icml.%1.file").arg(name));
    if (!file)
        return HttpResponse::json(503, "unavailable", file.error().message);
    QFile xml(file.value());
    if (file->isEmpty() || !xml.open(QIODevice::ReadOnly))
        return HttpResponse::json(404, "not-found",
                                  QStringLiteral("No catalogue is published for %1").arg(name));
    HttpResponse response { 200, xml.readAll(), {} };
    response.contentType = "application/xml; charset=UTF-8";
    return response;
}

HttpResponse IntakeHandler::handleForm(const HttpRequest &request, const QString &clientIp,
                                       const QString &form, const QByteArray &secret)
{
    FormEndpoint endpoint;
    if (auto refusal = verifyForm(form, secret, clientIp, &endpoint))
        return *refusal;

    auto fields = Net::FormParser::parse(request.header("Content-Type"), request.body);
    if (fields && fields->isEmpty())
        fields = Common::Error::invalidInput(QStringLiteral("The form has no fields"),
                                             QStringLiteral("malformed"));
    if (fields) {
        const auto honeypot = std::find_if(fields->cbegin(), fields->cend(), [](const auto &field) {
            return field.first == QLatin1String("_hp") && !field.second.trimmed().isEmpty();
        });
        if (honeypot != fields->cend()) {
            // Answered like a stored post: a bot that learns its post was caught tries another way.
            qCInfo(lcIntake) << "a submission of form" << form << "from" << clientIp
                             << "filled the honeypot; kept as spam";
            keepRaw(request, clientIp, form, QStringLiteral("spam"),
                    QStringLiteral("The hidden honeypot field _hp was filled in"));
            const QJsonObject answer { { QStringLiteral("status"), QStringLiteral("stored") },
                                       { QStringLiteral("id"),
                                         QUuid::createUuid().toString(QUuid::WithoutBraces) } };
            return { 202, QJsonDocument(answer).toJson(QJsonDocument::Compact), {} };
        }
    }
    if (!fields) {
        keepRejected(request, clientIp, form, fields.error().message);
        const bool unsupported = fields.error().code == QLatin1String("unsupported-type");
        return HttpResponse::json(unsupported ? 415 : 400,
                                  unsupported ? "unsupported-media-type" : "bad-request",
                                  fields.error().message);
    }

    Model::FormSubmission submission;
    submission.formName = endpoint.name;
    submission.clientIp = clientIp;
    submission.receivedAt = m_clock->now();
    const QByteArray idempotencyKey = request.header("Idempotency-Key");
    submission.id = idempotencyKey.isEmpty()
        ? QUuid::createUuid().toString(QUuid::WithoutBraces)
        : QString::fromLatin1(
            QCryptographicHash::hash(form.toUtf8() + '\n' + idempotencyKey, QCryptographicHash::Sha256)
                .toHex()
                .left(32));
    for (const auto &[name, value] : fields.value()) {
        const QString lower = name.toLower();
        if (lower == QLatin1String("page_url") || lower == QLatin1String("_page_url")
            || name == QLatin1String("pageUrl"))
            submission.pageUrl = value;
        else if (lower.startsWith(QLatin1String("utm_")))
            submission.utm.insert(lower, value);
        else if (!name.startsWith(QLatin1Char('_')))
            submission.fields.append({ name, value });
    }
    const bool anyRealField
        = std::any_of(submission.fields.cbegin(), submission.fields.cend(),
                      [](const QPair<QString, QString> &field) { return !field.second.trimmed().isEmpty(); });
    if (!anyRealField) {
        const QString why = QStringLiteral("The form has no filled-in field (fields starting with _, utm_* "
                                           "and the page URL are not form data)");
        keepRejected(request, clientIp, form, why);
        return HttpResponse::json(400, "bad-request", why);
    }
    if (submission.pageUrl.isEmpty())
        submission.pageUrl = QString::fromUtf8(request.header("Referer"));
    const QUrlQuery pageQuery(QUrl(submission.pageUrl).query());
    for (const auto &[key, value] : pageQuery.queryItems(QUrl::FullyDecoded)) {
        if (key.toLower().startsWith(QLatin1String("utm_")) && !submission.utm.contains(key.toLower()))
            submission.utm.insert(key.toLower(), value);
    }

    Model::ShopEvent event;
    event.kind = Model::ShopEvent::Kind::FormSubmitted;
    event.source = endpoint.source;
    event.entityId = submission.id;
    event.payload = submission.toJson();
    event.reference = submission.formName;
    event.customer = guess(submission,
                           { QStringLiteral("name"), QStringLiteral("fio"), QStringLiteral("fullname"),
                             QStringLiteral("имя"), QStringLiteral("фио") });
    event.phone
        = Model::ShopEvent::phoneKey(guess(submission,
                                           { QStringLiteral("phone"), QStringLiteral("tel"),
                                             QStringLiteral("telephone"), QStringLiteral("телефон") }));
    event.email = Common::normaliseEmail(guess(submission,
                                               { QStringLiteral("email"), QStringLiteral("e-mail"),
                                                 QStringLiteral("mail"), QStringLiteral("почта") }));

    Storage::Transaction tx(*m_store);
    Store::Outbox outbox(m_store, m_clock);
    bool conflict = false;
    auto stored = [&]() -> Common::Status {
        if (!tx.isActive())
            return tx.error();
        auto job = outbox.append(event);
        if (!job)
            return job.error();
        if (!job->created) {
            // A retried post with the same Idempotency-Key is the same submission; the same key with
            // other fields is a client bug that would otherwise lose the second post silently.
            conflict = !job->jobs.isEmpty()
                && !sameContent(Model::FormSubmission::fromJson(job->jobs.first().payload), submission);
            return {};
        }
        auto raw = Sql::exec(
            *m_store,
            QStringLiteral("INSERT INTO intake_raw (received_at, form, client_ip, method, target,"
                           " headers, body, outcome, job_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'stored', ?)"),
            { submission.receivedAt.toMSecsSinceEpoch(), form, clientIp, QString::fromLatin1(request.method),
              QString::fromUtf8(redactedTarget(request.target)), headersText(request), request.body,
              job->jobs.first().id });
        if (!raw)
            return raw.error();
        return tx.commit();
    }();
    if (stored && conflict) {
        tx.rollback();
        const QString why = QStringLiteral(
            "This Idempotency-Key was used before with other fields; send a new key for a new submission");
        qCWarning(lcIntake) << "form" << form << "from" << clientIp << ":" << why;
        keepRejected(request, clientIp, form, why);
        return HttpResponse::json(409, "conflict", why);
    }
    if (!stored) {
        qCWarning(lcIntake) << "cannot store a submission of form" << form << ":"
                            << stored.error().toString();
        HttpResponse response = HttpResponse::json(
            503, "unavailable", QStringLiteral("The store is unavailable; try again later"));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("30")));
        return response;
    }
    qCInfo(lcIntake) << "stored a submission of form" << form << "from" << clientIp;
    QJsonObject answer { { QStringLiteral("status"), QStringLiteral("stored") },
                         { QStringLiteral("id"), submission.id } };
    return { 202, QJsonDocument(answer).toJson(QJsonDocument::Compact), {} };
}

void IntakeHandler::keepRaw(const HttpRequest &request, const QString &clientIp, const QString &form,
                            const QString &outcome, const QString &error)
{
    auto raw = Sql::exec(
        *m_store,
        QStringLiteral("INSERT INTO intake_raw (received_at, form, client_ip, method, target, headers,"
                       " body, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        { m_clock->nowMs(), form, clientIp, QString::fromLatin1(request.method),
          QString::fromUtf8(redactedTarget(request.target)), headersText(request), request.body, outcome,
          error });
    if (!raw)
        qCWarning(lcIntake) << "cannot keep a rejected request of form" << form << ":"
                            << raw.error().toString();
}

} // namespace Source::Intake
