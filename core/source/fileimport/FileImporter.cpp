// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileImporter.h"

#include "FileImportLog.h"
#include "common/PhoneNumber.h"
#include "model/ShopEvent.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "store/EntityLinkRepo.h"
#include "store/JobRepo.h"
#include "store/Outbox.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Source::FileImport {

using Common::Error;
using Common::Result;
using Kind = RecordMapping::Kind;

namespace {

Model::ShopEvent eventFor(Kind kind, const QJsonObject &payload, const QString &source)
{
    Model::ShopEvent event;
    event.source = source;
    if (kind == Kind::Orders) {
        const Model::ShopOrder order = Model::ShopOrder::fromJson(payload);
        event.kind = Model::ShopEvent::Kind::OrderCreated;
        event.entityId = order.id;
        event.reference = order.number.isEmpty() ? order.id : order.number;
        event.customer = order.address.receiver.isEmpty() ? order.customer.name : order.address.receiver;
        event.phone = Model::ShopEvent::phoneKey(order.address.phone.isEmpty() ? order.customer.phone
                                                                               : order.address.phone);
        event.email = Common::normaliseEmail(order.address.email.isEmpty() ? order.customer.email
                                                                           : order.address.email);
    } else {
        const Model::Customer customer = Model::Customer::fromJson(payload);
        event.kind = Model::ShopEvent::Kind::CustomerSaved;
        event.entityId = customer.id;
        event.revision = QStringLiteral("import");
        event.reference = customer.name;
        event.customer = customer.name;
        event.phone = Model::ShopEvent::phoneKey(customer.phone);
        event.email = Common::normaliseEmail(customer.email);
    }
    event.payload = payload;
    return event;
}

} // namespace

QString ImportReport::toText() const
{
    QStringList lines;
    lines << QStringLiteral("Format: %1%2")
                 .arg(format,
                      format == QLatin1String("csv")
                          ? QStringLiteral(" (%1, delimiter '%2')")
                                .arg(encoding,
                                     delimiter == QLatin1Char('\t') ? QStringLiteral("\\t")
                                                                    : QString(delimiter))
                          : QString());
    lines << QStringLiteral("Rows: %1").arg(rows);
    lines << QStringLiteral("New: %1").arg(fresh);
    lines << QStringLiteral("Already in the outbox: %1").arg(inOutbox);
    lines << QStringLiteral("Already linked to the CRM: %1").arg(linked);
    lines << QStringLiteral("Errors: %1").arg(errors.size());
    for (const LineError &error : errors)
        lines << QStringLiteral("  line %1: %2").arg(error.line).arg(error.message);
    if (!unmappedColumns.isEmpty())
        lines << QStringLiteral("Columns kept as extra fields: %1")
                     .arg(unmappedColumns.join(QStringLiteral(", ")));
    lines << QStringLiteral("Appended: %1").arg(appended);
    return lines.join(QLatin1Char('\n'));
}

FileImporter::FileImporter(std::shared_ptr<Storage::Database> store, const Common::Clock *clock)
    : m_store(std::move(store))
    , m_clock(clock)
{ }

Result<ImportReport> FileImporter::importFile(const QString &path, const ImportOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalidInput(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > 512 * 1024 * 1024)
        return Error::invalidInput(QStringLiteral("%1 is larger than 512 MiB; split it").arg(path));
    const QByteArray bytes = file.readAll();
    if (QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return importJson(bytes, options);
    return importCsv(bytes, options);
}

Result<ImportReport> FileImporter::importCsv(const QByteArray &bytes, const ImportOptions &options)
{
    ImportReport report;
    report.format = QStringLiteral("csv");
    TextDecoding::Encoding used = TextDecoding::Encoding::Utf8;
    const QString text = TextDecoding::decode(bytes, options.encoding, &used);
    report.encoding = TextDecoding::name(used);
    const CsvReader::Table table = CsvReader::parse(text, options.delimiter);
    report.delimiter = table.delimiter;
    if (table.header.isEmpty())
        return Error::invalidInput(QStringLiteral("The file is empty: a CSV import needs a header row"));
    auto mapping = RecordMapping::build(options.kind, table.header, options.columnMap);
    if (!mapping)
        return mapping.error();
    report.unmappedColumns = mapping->unmappedColumns();
    report.errors = table.errors;
    QList<Item> items;
    for (const CsvReader::Record &record : table.records) {
        Item item { record.line };
        if (options.kind == Kind::Orders) {
            auto order = mapping->toOrder(record.cells);
            item.payload = order ? Result<QJsonObject>(order->toJson()) : Result<QJsonObject>(order.error());
        } else {
            auto customer = mapping->toCustomer(record.cells);
            item.payload
                = customer ? Result<QJsonObject>(customer->toJson()) : Result<QJsonObject>(customer.error());
        }
        items << item;
    }
    report.rows = int(items.size() + table.errors.size());
    return run(report, items, options);
}

Result<ImportReport> FileImporter::importJson(const QByteArray &bytes, const ImportOptions &options)
{
    ImportReport report;
    report.format = QStringLiteral("json");
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::invalidInput(QStringLiteral("The JSON file is malformed at offset %1: %2")
                                       .arg(error.offset)
                                       .arg(error.errorString()));
    QJsonArray array = doc.array();
    if (doc.isObject())
        array = doc.object()
                    .value(options.kind == Kind::Orders ? QStringLiteral("orders")
                                                        : QStringLiteral("customers"))
                    .toArray();
    if (!doc.isArray() && array.isEmpty())
        return Error::invalidInput(
            QStringLiteral("The JSON file must hold an array of %1")
                .arg(options.kind == Kind::Orders ? QStringLiteral("orders") : QStringLiteral("customers")));
    QList<Item> items;
    for (qsizetype i = 0; i < array.size(); ++i) {
        Item item { int(i + 1) };
        const QJsonObject object = array.at(i).toObject();
        const bool modelShape = object.value(QStringLiteral("customer")).isObject()
            || object.value(QStringLiteral("lines")).isArray()
            || object.value(QStringLiteral("extra")).isObject();
        if (!array.at(i).isObject()) {
            item.payload = Error::invalidInput(QStringLiteral("Not an object"));
        } else if (modelShape) {
            const bool hasId = !object.value(QStringLiteral("id")).toString().isEmpty();
            item.payload = hasId ? Result<QJsonObject>(object)
                                 : Result<QJsonObject>(Error::invalidInput(QStringLiteral("No \"id\"")));
            if (hasId && options.kind == Kind::Orders)
                item.payload = Model::ShopOrder::fromJson(object).toJson();
            else if (hasId)
                item.payload = Model::Customer::fromJson(object).toJson();
        } else {
            // A flat object: its keys are columns.
            QStringList header, cells;
            for (auto it = object.begin(); it != object.end(); ++it) {
                header << it.key();
                cells << (it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
            }
            auto mapping = RecordMapping::build(options.kind, header, options.columnMap);
            if (!mapping)
                return mapping.error();
            if (options.kind == Kind::Orders) {
                auto order = mapping->toOrder(cells);
                item.payload
                    = order ? Result<QJsonObject>(order->toJson()) : Result<QJsonObject>(order.error());
            } else {
                auto customer = mapping->toCustomer(cells);
                item.payload = customer ? Result<QJsonObject>(customer->toJson())
                                        : Result<QJsonObject>(customer.error());
            }
        }
        items << item;
    }
    report.rows = int(items.size());
    return run(report, items, options);
}

Result<ImportReport> FileImporter::run(ImportReport report, const QList<Item> &items,
                                       const ImportOptions &options)
{
    Store::JobRepo jobs(m_store, m_clock);
    Store::Outbox outbox(m_store, m_clock);
    const QString linkKind
        = options.kind == Kind::Orders ? QStringLiteral("order") : QStringLiteral("customer");
    QList<Model::ShopEvent> fresh;
    QSet<QString> seenKeys;
    for (const Item &item : items) {
        if (!item.payload) {
            report.errors.append({ item.line, item.payload.error().message });
            continue;
        }
        const Model::ShopEvent event = eventFor(options.kind, item.payload.value(), options.source);
        const QString key = event.idempotencyKey();
        if (seenKeys.contains(key)) {
            report.errors.append({ item.line,
                                   QStringLiteral("The same %1 \"%2\" appears earlier in the file")
                                       .arg(linkKind, event.entityId) });
            continue;
        }
        seenKeys.insert(key);
        auto existing = jobs.findByEvent(key);
        if (!existing)
            return existing.error();
        auto linked = Storage::Sql::scalar(
            *m_store,
            QStringLiteral("SELECT COUNT(*) FROM entity_links WHERE source_kind = ? AND source_id = ?"),
            { linkKind, Store::EntityLinkRepo::scopedSourceId(event.source, event.entityId) });
        if (!linked)
            return linked.error();
        if (linked->toInt() > 0)
            ++report.linked;
        if (!existing->isEmpty())
            ++report.inOutbox;
        else
            fresh << event;
    }
    std::sort(report.errors.begin(), report.errors.end(),
              [](const LineError &a, const LineError &b) { return a.line < b.line; });
    report.fresh = int(fresh.size());
    if (options.dryRun || fresh.isEmpty())
        return report;
    auto taken = outbox.take(options.source, fresh);
    if (!taken)
        return taken.error();
    report.appended = taken->events;
    qCInfo(lcFileImport) << "imported" << report.appended
                         << (options.kind == Kind::Orders ? "orders" : "customers");
    return report;
}

} // namespace Source::FileImport
