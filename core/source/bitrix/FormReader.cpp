// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormReader.h"

#include "common/PhoneNumber.h"

#include <QHash>
#include <QSet>

namespace Source::Bitrix {

using Common::Result;

Result<qint64> FormReader::maxId()
{
    auto n = m_db.scalar(QStringLiteral("SELECT MAX(ID) FROM %1").arg(m_db.table("form_result")));
    if (!n)
        return n.error();
    return n->isNull() ? 0 : n->toLongLong();
}

Result<QList<qint64>> FormReader::idsAfter(qint64 after, int limit, const QList<qint64> &tracked)
{
    QList<qint64> ids;
    auto query = m_db.exec(
        QStringLiteral("SELECT ID FROM %1 WHERE ID > ? ORDER BY ID LIMIT ?").arg(m_db.table("form_result")),
        { after, limit });
    if (!query)
        return query.error();
    while (query->next())
        ids << query->value(0).toLongLong();
    if (!tracked.isEmpty()) {
        auto more = m_db.exec(QStringLiteral("SELECT ID FROM %1 WHERE ID IN (%2)")
                                  .arg(m_db.table("form_result"), SaleOrderReader::idList(tracked)));
        if (!more)
            return more.error();
        while (more->next()) {
            if (!ids.contains(more->value(0).toLongLong()))
                ids << more->value(0).toLongLong();
        }
    }
    return ids;
}

Result<QList<Model::FormSubmission>> FormReader::submissions(const QList<qint64> &ids)
{
    QList<Model::FormSubmission> list;
    if (ids.isEmpty())
        return list;
    const QString idText = SaleOrderReader::idList(ids);
    auto heads = m_db.exec(QStringLiteral("SELECT r.ID, r.DATE_CREATE, f.NAME, f.SID FROM %1 r LEFT JOIN %2 f"
                                          " ON f.ID = r.FORM_ID WHERE r.ID IN (%3)")
                               .arg(m_db.table("form_result"), m_db.table("form"), idText));
    if (!heads)
        return heads.error();
    QHash<qint64, Model::FormSubmission> byId;
    while (heads->next()) {
        Model::FormSubmission form;
        form.id = heads->value(0).toString();
        form.receivedAt = SaleOrderReader::toDateTime(heads->value(1));
        form.formName = m_schema.text(heads->value(2));
        if (form.formName.isEmpty())
            form.formName = m_schema.text(heads->value(3));
        byId.insert(heads->value(0).toLongLong(), form);
    }
    heads = Result<QSqlQuery>(QSqlQuery());
    auto answers = m_db.exec(
        QStringLiteral(
            "SELECT a.RESULT_ID, q.SID, q.TITLE, a.USER_TEXT, a.ANSWER_TEXT, a.ANSWER_VALUE FROM %1 a"
            " LEFT JOIN %2 q ON q.ID = a.FIELD_ID WHERE a.RESULT_ID IN (%3) ORDER BY a.RESULT_ID,"
            " q.C_SORT, a.ID")
            .arg(m_db.table("form_result_answer"), m_db.table("form_field"), idText));
    if (!answers)
        return answers.error();
    while (answers->next()) {
        auto found = byId.find(answers->value(0).toLongLong());
        if (found == byId.end())
            continue;
        QString name = m_schema.text(answers->value(1));
        if (name.isEmpty() || name.startsWith(QLatin1String("SIMPLE_QUESTION_")))
            name = m_schema.text(answers->value(2));
        QString value = m_schema.text(answers->value(3));
        if (value.isEmpty())
            value = m_schema.text(answers->value(4));
        if (value.isEmpty())
            value = m_schema.text(answers->value(5));
        if (name.toLower().startsWith(QLatin1String("utm_"))) {
            found->utm.insert(name.toLower(), value);
            continue;
        }
        bool merged = false;
        for (auto &field : found->fields) {
            if (field.first == name) {
                field.second += QStringLiteral(", ") + value;
                merged = true;
            }
        }
        if (!merged)
            found->fields.append({ name, value });
    }
    for (qint64 id : ids) {
        if (auto found = byId.constFind(id); found != byId.cend())
            list.append(*found);
    }
    return list;
}

Model::ShopEvent FormReader::formEvent(const QString &source, const Model::FormSubmission &form)
{
    auto guess = [&form](std::initializer_list<const char *> names) {
        for (const auto &[key, value] : form.fields) {
            for (const char *name : names) {
                if (key.compare(QString::fromUtf8(name), Qt::CaseInsensitive) == 0
                    && !value.trimmed().isEmpty())
                    return value.trimmed();
            }
        }
        return QString();
    };
    Model::ShopEvent event;
    event.kind = Model::ShopEvent::Kind::FormSubmitted;
    event.source = source;
    event.entityId = form.id;
    event.payload = form.toJson();
    event.reference = form.formName;
    event.customer = guess({ "name", "fio", "fullname", "имя", "фио" });
    event.phone = Model::ShopEvent::phoneKey(guess({ "phone", "tel", "telephone", "телефон" }));
    event.email = Common::normaliseEmail(guess({ "email", "e-mail", "mail", "почта" }));
    return event;
}

} // namespace Source::Bitrix
