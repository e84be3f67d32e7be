// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FormEndpointRepo.h"
#include "HttpRequestReader.h"
#include "common/Clock.h"
#include "model/CrmWebhook.h"
#include "storage/Database.h"
#include "store/BackSyncConfig.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <memory>
#include <optional>

namespace Source::Intake {

using HttpRequest = Net::IncomingRequest;

/** An answer to send; bodies are small JSON objects {"status": …, "message"|"id": …}. */
struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray contentType = "application/json";

    static HttpResponse json(int status, const QByteArray &state, const QString &message = {});
    QByteArray serialise() const;
    static QByteArray reasonPhrase(int status);
};

/**
 * Decides what one complete request to the form intake means and, for a good one, stores it:
 *
 *   POST /forms/<form>            with the header  X-CRMBridge-Secret: <secret>
 *   POST /forms/<form>/<secret>   for senders that cannot set headers (an HTML form's action)
 *   GET  /health                  → 200 {"status":"ok"}
 *   GET  /icml/<source>.xml       → the source's ICML catalogue for RetailCRM, from the file named by
 *                                   the setting icml.<source>.file (`crmbridgectl icml export` writes
 *                                   both); 404 when none is published
 *   POST /hooks/<crm>/<secret>    a CRM's webhook (back-sync; see handleHook)
 *   POST /shops/<source>/<secret> a shop's webhook (MoySklad): "read this source now" (handleShopHook)
 *
 * Answers: 202 {"status":"stored","id":…} once the FormSubmitted job and the raw request are committed
 * in one store transaction; 400 malformed body (invalid UTF-8 included) or no real field; 401 no
 * secret; 403 wrong secret; 404 no such form; 405 not POST; 409 an `Idempotency-Key` used before with
 * other fields; 415 unsupported Content-Type; 503 when the store fails (nothing stored; the sender
 * retries). A wrong or missing secret stores nothing; a refused body from a sender with the right
 * secret is kept in `intake_raw` (outcome "rejected") for the operator.
 *
 * Fields: `utm_*` go to the submission's UTM (and are read from the page URL's query too); the page
 * URL is the field `page_url` (or `_page_url`, `pageUrl`), else the Referer header; fields starting
 * with `_` are not form data. A filled honeypot field `_hp` (hidden from people, filled by bots) is
 * kept as outcome "spam" and answered as if stored, so the bot learns nothing; no job is made. An
 * `Idempotency-Key` header makes a retried post the same submission.
 * Lives on the intake server's thread and uses that thread's store connection.
 */
class IntakeHandler
{
public:
    /** webhookParsers: the readers of CRM webhook bodies by CRM kind, as the app registered them. */
    IntakeHandler(std::shared_ptr<Storage::Database> store,
                  QHash<QString, Model::WebhookParser> webhookParsers, const Common::Clock *clock);

    HttpResponse handle(const HttpRequest &request, const QString &clientIp);
    /**
     * What can be decided from the head alone, before a body byte is read or `100 Continue` is sent:
     * the route, the method and the form's or webhook's secret. A refusal, or nullopt to read the body.
     */
    std::optional<HttpResponse> checkHead(const HttpRequest &request, const QString &clientIp);
    static bool isHook(const HttpRequest &request) { return request.path().startsWith("/hooks/"); }
    static bool isShopHook(const HttpRequest &request) { return request.path().startsWith("/shops/"); }

    /** The target with a secret path segment replaced by "***", for logs and the raw record. */
    static QByteArray redactedTarget(const QByteArray &target);

private:
    /** Where a request goes; `refusal` is set for a bad route, method or missing secret. */
    struct Route
    {
        enum class Kind { Health, Catalogue, Form, Hook, ShopHook, Refused } kind = Kind::Refused;
        QString name; ///< the form, the CRM or the shop source
        QByteArray secret;
        HttpResponse refusal;
    };
    /** The connection a webhook's secret picked. */
    struct HookTarget
    {
        Store::Connection connection;
        Store::BackSyncConfig config;
    };
    static Route routeOf(const HttpRequest &request);
    std::optional<HttpResponse> verifyForm(const QString &form, const QByteArray &secret,
                                           const QString &clientIp, FormEndpoint *endpoint);
    /** IntakeHandlerHooks.cpp: the connection whose webhook secret this is, or the refusal. */
    std::optional<HttpResponse> findHookConnection(const QString &crm, const QByteArray &secret,
                                                   const QString &clientIp, HookTarget *target);
    HttpResponse catalogue(const QByteArray &path);
    HttpResponse handleForm(const HttpRequest &request, const QString &clientIp, const QString &form,
                            const QByteArray &secret);
    /** IntakeHandlerHooks.cpp: a CRM's stage-change webhook for a connection with back-sync by webhook. */
    HttpResponse handleHook(const HttpRequest &request, const QString &clientIp, const QString &crm,
                            const QByteArray &secret);
    /** IntakeShopHooks.cpp: the refusal when @p secret is not @p source's webhook secret. */
    std::optional<HttpResponse> checkShopHook(const QString &source, const QByteArray &secret,
                                              const QString &clientIp);
    /** IntakeShopHooks.cpp: a shop's webhook; the source's poller reads the shop at once. */
    HttpResponse handleShopHook(const HttpRequest &request, const QString &clientIp, const QString &source,
                                const QByteArray &secret);
    void keepRaw(const HttpRequest &request, const QString &clientIp, const QString &form,
                 const QString &outcome, const QString &error);
    void keepRejected(const HttpRequest &request, const QString &clientIp, const QString &form,
                      const QString &error)
    {
        keepRaw(request, clientIp, form, QStringLiteral("rejected"), error);
    }

    std::shared_ptr<Storage::Database> m_store;
    const Common::Clock *m_clock;
    QHash<QString, Model::WebhookParser> m_webhookParsers;
};

} // namespace Source::Intake
