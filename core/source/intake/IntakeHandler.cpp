// SPDX-License-Identifier: GPL-3.0-or-later
#include "IntakeHandler.h"

#include "FormEndpointRepo.h"
#include "FormParser.h"
#include "IntakeLog.h"
#include "common/PhoneNumber.h"
#include "model/FormSubmission.h"
#include "model/ShopEvent.h"
#include "source/EventOutbox.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "store/JobRepo.h"
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

IntakeHandler::IntakeHandler(std::shared_ptr<Storage::Database> store, const Common::Clock *clock)
    : m_store(std::move(store))
    , m_clock(clock)
{ }

QByteArray IntakeHandler::redactedTarget(const QByteArray &target)
{
    const qsizetype query = target.indexOf('?');
    const QByteArray path = query < 0 ? target : target.left(query);
    const QList<QByteArray> parts = path.split('/');
    if (parts.size() >= 4 && (parts[1] == "forms" || parts[1] == "hooks")) {
        QList<QByteArray> kept = parts.mid(0, 3);
        kept << "***";
        return kept.join('/') + (query < 0 ? QByteArray() : target.mid(query));
    }
    return target;
}

HttpResponse IntakeHandler::handle(const HttpRequest &request, const QString &clientIp)
{
    const QList<QByteArray> parts = request.path().split('/');
    if (request.path() == "/health")
        return HttpResponse::json(200, "ok");
    if (request.path().startsWith("/icml/") && request.method == "GET")
        return catalogue(request.path());
    if (parts.size() >= 2 && parts[0].isEmpty() && parts[1] == "hooks") {
        if (parts.size() != 4 || parts[2].isEmpty() || parts[3].isEmpty())
            return HttpResponse::json(404, "not-found",
                                      QStringLiteral("CRM webhooks post to /hooks/<crm>/<secret>"));
        if (request.method != "POST") {
            HttpResponse response
                = HttpResponse::json(405, "method-not-allowed", QStringLiteral("Webhooks are POSTed"));
            response.headers.append(qMakePair(QByteArray("Allow"), QByteArray("POST")));
            return response;
        }
        return handleHook(request, clientIp, QString::fromLatin1(parts[2]),
                          QByteArray::fromPercentEncoding(parts[3]));
    }
    if (parts.size() < 3 || parts.size() > 4 || !parts[0].isEmpty() || parts[1] != "forms"
        || parts[2].isEmpty())
        return HttpResponse::json(404, "not-found", QStringLiteral("Post forms to /forms/<form>"));
    if (request.method != "POST") {
        HttpResponse response
            = HttpResponse::json(405, "method-not-allowed", QStringLiteral("Forms are POSTed"));
        response.headers.append(qMakePair(QByteArray("Allow"), QByteArray("POST")));
        return response;
    }
    const QString form = QUrl::fromPercentEncoding(parts[2]);
    QByteArray secret = request.header(kSecretHeader);
    if (secret.isEmpty() && parts.size() == 4)
        secret = QByteArray::fromPercentEncoding(parts[3]);
    if (secret.isEmpty())
        return HttpResponse::json(
            401, "unauthorized",
            QStringLiteral("Send the form's secret in the X-CRMBridge-Secret header or as "
                           "/forms/<form>/<secret>"));
    return handleForm(request, clientIp, form, secret);
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
    FormEndpointRepo endpoints(m_store, m_clock);
    FormEndpoint endpoint;
    auto check = endpoints.verify(form, secret, &endpoint);
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

    auto fields = FormParser::parse(request.header("Content-Type"), request.body);
    if (fields && fields->isEmpty())
        fields = Common::Error::invalidInput(QStringLiteral("The form has no fields"),
                                             QStringLiteral("malformed"));
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
    event.phone = EventOutbox::phoneKey(guess(submission,
                                              { QStringLiteral("phone"), QStringLiteral("tel"),
                                                QStringLiteral("telephone"), QStringLiteral("телефон") }));
    event.email = Common::normaliseEmail(guess(submission,
                                               { QStringLiteral("email"), QStringLiteral("e-mail"),
                                                 QStringLiteral("mail"), QStringLiteral("почта") }));

    Storage::Transaction tx(*m_store);
    Store::OutboxFanOut outbox(m_store, m_clock);
    auto stored = [&]() -> Common::Status {
        if (!tx.isActive())
            return tx.error();
        auto job = EventOutbox::append(outbox, event);
        if (!job)
            return job.error();
        if (!job->created)
            return {}; // a retried post with the same Idempotency-Key: already stored
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

void IntakeHandler::keepRejected(const HttpRequest &request, const QString &clientIp, const QString &form,
                                 const QString &error)
{
    auto raw = Sql::exec(
        *m_store,
        QStringLiteral("INSERT INTO intake_raw (received_at, form, client_ip, method, target, headers,"
                       " body, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, 'rejected', ?)"),
        { m_clock->nowMs(), form, clientIp, QString::fromLatin1(request.method),
          QString::fromUtf8(redactedTarget(request.target)), headersText(request), request.body, error });
    if (!raw)
        qCWarning(lcIntake) << "cannot keep a rejected request of form" << form << ":"
                            << raw.error().toString();
}

} // namespace Source::Intake
